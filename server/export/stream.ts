// Streams an export query as CSV (the shared writer in contracts/csv.ts) or NDJSON in batches, with backpressure, so memory stays flat.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvCell, csvRecord } from '../contracts/csv';
import type { ExportQuery } from '../db/exports';

export const exportFormats = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Rows per text chunk: large enough to be cheap per row, small enough that a few buffered chunks stay small. */
const BATCH_ROWS = 1000;

/** The export as text chunks; calls `onRows(total)` after each chunk. */
export function* exportChunks(q: ExportQuery, format: ExportFormat, onRows: (rowsSoFar: number) => void = () => {}): Generator<string> {
  const jsonAt = new Set(q.json.map((c) => q.columns.indexOf(c)));
  let batch: unknown[][] = [];
  let rows = 0;
  let first = true;
  const flush = (): string => {
    let text: string;
    if (format === 'csv') {
      // The same writer as the dashboard's CSV (text that a spreadsheet would run as a formula is made inert).
      text = first ? csvRecord(q.columns, '\n') : '';
      for (const row of batch) text += csvRecord(row as CsvCell[], '\n');
      first = false;
    } else {
      text = '';
      for (const row of batch) {
        const obj: Record<string, unknown> = {};
        row.forEach((v, i) => (obj[q.columns[i]!] = jsonAt.has(i) && typeof v === 'string' ? JSON.parse(v) : v));
        text += `${JSON.stringify(obj)}\n`;
      }
    }
    rows += batch.length;
    batch = [];
    onRows(rows);
    return text;
  };
  for (const row of q.rows) {
    batch.push(row);
    if (batch.length === BATCH_ROWS) yield flush();
  }
  if (batch.length > 0 || (format === 'csv' && first)) yield flush();
}

/**
 * Writes the export to `out`, waiting whenever `out` is full (at most a few chunks are ever held).
 * Leaves `out` open when `keepOpen` (standard output). Resolves with the number of rows written.
 */
export async function writeExport(q: ExportQuery, format: ExportFormat, out: Writable, opts: { keepOpen?: boolean; onRows?: (rows: number) => void } = {}): Promise<number> {
  let written = 0;
  await pipeline(
    Readable.from(
      exportChunks(q, format, (n) => {
        written = n;
        opts.onRows?.(n);
      }),
      { highWaterMark: 4 },
    ),
    out,
    { end: !opts.keepOpen },
  );
  return written;
}
