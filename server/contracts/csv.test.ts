// The one CSV writer (dashboard and `showroom export`): RFC 4180 quoting read back by a CSV parser, and formula text made inert.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formulaStarts } from '../../test/fixtures/formulaText';
import { csvRecord, inertText } from './csv';

describe('csvRecord', () => {
  it('quotes commas, quotes and line breaks so a CSV reader gets each value back', () => {
    const line = csvRecord(['Berg, Greta', 'said "maybe"\nthen yes', 1299.5, null, undefined, true, 7n], '\r\n');
    expect(line).toBe('"Berg, Greta","said ""maybe""\nthen yes",1299.5,,,1,7\r\n');
    expect(parse(line)).toEqual([['Berg, Greta', 'said "maybe"\nthen yes', '1299.5', '', '', '1', '7']]);
  });

  it.each(formulaStarts)('makes text starting %j inert with a leading apostrophe', (text) => {
    expect(inertText(text)).toBe(`'${text}`);
    const rows = parse(csvRecord([text], '\n')) as string[][];
    expect(rows).toEqual([[`'${text}`]]);
  });

  it('leaves numbers and ordinary text alone', () => {
    expect(csvRecord([-3, 'Ana Lima', 'a=b', "'quoted"], '\n')).toBe("-3,Ana Lima,a=b,'quoted\n");
  });
});
