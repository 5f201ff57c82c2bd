// CSV export: quoting of commas, quotes and line breaks, the BOM, inert formulas, and paging through a whole list.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collectPages, type CsvColumn, toCsv } from './csv';

interface Row {
  name: string;
  note: string | null;
  value: number;
  ok: boolean;
}
const columns: CsvColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Note', value: (r) => r.note },
  { header: 'Value', value: (r) => r.value },
  { header: 'OK', value: (r) => r.ok },
];

describe('toCsv', () => {
  it('writes a header and quotes what needs quoting, so a CSV reader gets the values back', async () => {
    const rows: Row[] = [
      { name: 'Berg, Greta', note: 'said "maybe"\nthen yes', value: 1299.5, ok: true },
      { name: 'Åsa Ölund', note: null, value: 0, ok: false },
    ];
    const text = await toCsv(columns, rows);
    expect(text.startsWith('\uFEFFName,Note,Value,OK\r\n')).toBe(true);
    expect(text).toContain('"Berg, Greta","said ""maybe""\nthen yes",1299.5,yes\r\n');
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { Name: 'Berg, Greta', Note: 'said "maybe"\nthen yes', Value: '1299.5', OK: 'yes' },
      { Name: 'Åsa Ölund', Note: '', Value: '0', OK: 'no' },
    ]);
  });

  it('makes text that a spreadsheet would run as a formula inert, and leaves numbers alone', async () => {
    const text = await toCsv(columns, [{ name: '=HYPERLINK("http://x")', note: '+4915123456789', value: -3, ok: true }]);
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toEqual({ Name: `'=HYPERLINK("http://x")`, Note: "'+4915123456789", Value: '-3', OK: 'yes' });
  });

  it('writes only the header for an empty list', async () => {
    expect(await toCsv(columns, [])).toBe('\uFEFFName,Note,Value,OK\r\n');
  });
});

describe('collectPages', () => {
  const pages = (n: number, size: number) => async (cursor: number | null) => {
    const start = cursor ?? 0;
    const items = Array.from({ length: Math.min(size, n - start) }, (_, i) => start + i);
    return { items, nextCursor: start + size < n ? start + size : null };
  };

  it('follows the cursor to the end', async () => {
    expect(await collectPages(pages(7, 3), 100)).toEqual({ rows: [0, 1, 2, 3, 4, 5, 6], truncated: false });
  });

  it('stops at the limit and says that rows were left', async () => {
    expect(await collectPages(pages(10, 3), 5)).toEqual({ rows: [0, 1, 2, 3, 4], truncated: true });
    expect(await collectPages(pages(6, 3), 6)).toEqual({ rows: [0, 1, 2, 3, 4, 5], truncated: false });
  });
});
