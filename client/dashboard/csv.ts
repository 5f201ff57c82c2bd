// CSV export of dashboard lists: the shared CSV writer with CRLF line ends and a UTF-8 byte-order mark for
// spreadsheets, a browser download, and paging through a whole list.
import { type CsvCell, csvRecord } from '../../server/contracts/csv';

export type Cell = CsvCell;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => Cell;
}

/** The rows as CSV text: a header line, CRLF line ends, fields quoted where needed, starting with a BOM; booleans as yes/no. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  let text = '\uFEFF' + csvRecord(columns.map((c) => c.header), '\r\n');
  for (const row of rows) {
    text += csvRecord(
      columns.map((c) => {
        const v = c.value(row);
        return typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
      }),
      '\r\n',
    );
  }
  return text;
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
