// WHERE-clause building for list queries: conditions with their parameters, and LIKE patterns with escaped wildcards.

/** A piece of SQL and the values of its `?` placeholders, in order. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/** The escape character every LIKE built here declares (`ESCAPE '\'`). */
export const LIKE_ESCAPE = '\\';

/** `text` with LIKE's wildcards (`%`, `_`) and the escape character itself escaped, so it matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`);
}

/**
 * Rows where any of `columns` contains `text` (a substring; case-insensitive for ASCII, as SQLite's LIKE is).
 * Column names are SQL written by the caller, never user input.
 */
export function containsAny(columns: readonly string[], text: string): SqlPart {
  const pattern = `%${escapeLike(text)}%`;
  return {
    sql: `(${columns.map((c) => `${c} LIKE ? ESCAPE '${LIKE_ESCAPE}'`).join(' OR ')})`,
    params: columns.map(() => pattern),
  };
}

/** Collects AND-ed conditions and their parameters for one query. */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** Adds a condition with the values of its placeholders. */
  add(sql: string, ...values: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...values);
    return this;
  }

  /** Adds a built condition (see `containsAny`). */
  addPart(part: SqlPart): this {
    return this.add(part.sql, ...part.params);
  }

  /** Adds `column = ?` when `value` is given (not undefined); `column IS NULL` when it is null and `nullMeansIsNull`. */
  equals(column: string, value: unknown, nullMeansIsNull = false): this {
    if (value === undefined) return this;
    if (value === null) return nullMeansIsNull ? this.add(`${column} IS NULL`) : this;
    return this.add(`${column} = ?`, value);
  }

  /** ` WHERE a AND b`, or an empty string when there are no conditions. */
  get clause(): string {
    return this.parts.length ? ` WHERE ${this.parts.join(' AND ')}` : '';
  }
}
