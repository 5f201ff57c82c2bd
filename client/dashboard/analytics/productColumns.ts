// Columns of the per-product analytics CSV export (durations in ms, shares 0..1, as a spreadsheet wants them).
import type { CsvColumn } from '../csv';
import type { ProductRow } from './types';

/** CSV columns; `name` turns a product id into its catalogue name. */
export function productColumns(name: (id: string) => string): CsvColumn<ProductRow>[] {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  return [
    { header: 'Rank', value: (r) => r.rank },
    { header: 'Product id', value: (r) => r.productId },
    { header: 'Product', value: (r) => name(r.productId) },
    { header: 'Sessions that looked', value: (r) => r.views },
    { header: 'Selects', value: (r) => r.selects },
    { header: 'Dwells', value: (r) => r.dwells },
    { header: 'Dwell total ms', value: (r) => r.dwellMs },
    { header: 'Dwell mean ms', value: (r) => round(r.dwellMean) },
    { header: 'Dwell median ms', value: (r) => round(r.dwellMedian) },
    { header: 'Dwell variance ms2', value: (r) => round(r.dwellVariance) },
    { header: 'Dwell sd ms', value: (r) => round(r.dwellSd) },
    { header: 'Cart adds', value: (r) => r.cartAdds },
    { header: 'Sessions that asked for a salesperson', value: (r) => r.contactSessions },
    { header: 'Conversion', value: (r) => round(r.conversion) },
  ];
}
