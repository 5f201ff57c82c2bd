// CSV export of dashboard lists: RFC 4180 quoting (csv-stringify), a UTF-8 byte-order mark for spreadsheets,
// and text cells that a spreadsheet would run as a formula made inert.

export type Cell = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => Cell;
}

/**
 * A text cell starting with = + - @ or a tab/return is a formula to Excel and LibreOffice; a
 * customer's name from the showroom form must never run as one. Such text gets a leading
 * apostrophe (OWASP's advice); numbers are left as they are.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The rows as CSV text: a header line, CRLF line ends, fields quoted where needed, starting with a BOM. */
export async function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): Promise<string> {
  const { stringify } = await import('csv-stringify/browser/esm/sync');
  const records = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      if (v === null || v === undefined) return '';
      if (typeof v === 'string') return inertText(v);
      if (typeof v === 'boolean') return v ? 'yes' : 'no';
      return v;
    }),
  );
  return stringify(records, { bom: true, header: true, columns: columns.map((c) => c.header), record_delimiter: 'windows' });
}

/** Makes the browser download `text` as a file. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "customers-2026-11-21.csv" for a list name and today's date. */
export function csvFilename(list: string, day: string): string {
  return `${list}-${day}.csv`;
}

/**
 * Walks a cursor-paged list from the start and returns up to `max` rows, and whether more were left.
 * `fetchPage(cursor)` gets one page.
 */
export async function collectPages<T, C>(
  fetchPage: (cursor: C | null) => Promise<{ items: T[]; nextCursor: C | null }>,
  max: number,
): Promise<{ rows: T[]; truncated: boolean }> {
  const rows: T[] = [];
  let cursor: C | null = null;
  for (;;) {
    const page = await fetchPage(cursor);
    rows.push(...page.items);
    if (rows.length >= max) return { rows: rows.slice(0, max), truncated: rows.length > max || page.nextCursor !== null };
    if (page.nextCursor === null) return { rows, truncated: false };
    cursor = page.nextCursor;
  }
}
