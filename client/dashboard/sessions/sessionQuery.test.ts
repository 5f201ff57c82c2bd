// The session list's URL filters as the staff.sessions input, and its CSV columns.
import { describe, expect, it } from 'vitest';
import { sessionFilterKeys, type SessionFilterValues } from './SessionFilters';
import { sessionColumns, sessionInput, type SessionRow } from './sessionQuery';

const blank = Object.fromEntries(sessionFilterKeys.map((k) => [k, ''])) as SessionFilterValues;

describe('sessionInput', () => {
  it('passes product, contact and mode filters on, and drops values a hand-edited URL made up', () => {
    expect(sessionInput({ ...blank, product: 'oslo-chair', contact: 'yes', mode: 'vr' })).toMatchObject({ productId: 'oslo-chair', contact: 'yes', mode: 'vr' });
    const bad = sessionInput({ ...blank, product: 'Oslo Chair', contact: 'maybe', mode: 'tv' });
    expect([bad.productId, bad.contact, bad.mode]).toEqual([undefined, undefined, undefined]);
    expect(sessionInput(blank)).toEqual({ from: undefined, until: undefined, mode: undefined, customer: undefined, customerSearch: undefined, productId: undefined, contact: undefined, minDurationMs: undefined });
    // A blank search is no filter (the server refuses an empty one); a long one is cut to what the server takes.
    expect(sessionInput({ ...blank, q: '   ' }).customerSearch).toBeUndefined();
    expect(sessionInput({ ...blank, q: ' greta ' }).customerSearch).toBe('greta');
    expect(sessionInput({ ...blank, q: 'x'.repeat(300) }).customerSearch).toHaveLength(100);
  });
});

describe('sessionColumns', () => {
  it('exports modes, named products, cart value and lead stage', () => {
    const row = {
      id: 's1', startedAt: 0, durationMs: 61_400, modes: ['desktop', 'vr'], productCount: 4, products: ['oslo-chair', 'fjord-sofa'],
      cartValue: { amount: 518, currency: 'EUR' }, contactRequests: 1, lead: { id: 3, stage: 'qualified' }, eventCount: 9,
      customerName: null, customerId: null, visitorId: 'v1',
    } as unknown as SessionRow;
    const cols = sessionColumns((id) => ({ 'oslo-chair': 'Oslo Chair', 'fjord-sofa': 'Fjord Sofa' })[id] ?? id);
    const cells = Object.fromEntries(cols.map((c) => [c.header, c.value(row)]));
    expect(cells).toMatchObject({
      'Duration (s)': 61, Modes: 'desktop vr', 'Products looked at': 4, 'Most looked at': 'Oslo Chair; Fjord Sofa',
      'Cart value': 518, Currency: 'EUR', 'Contact requests': 1, 'Lead stage': 'Qualified', Customer: 'anonymous',
    });
  });
});
