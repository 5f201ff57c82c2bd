// Turns the session list's URL filters into the staff.sessions input, and the CSV columns of a session row.
import type { inferRouterOutputs } from '@trpc/server';
import { modes } from '../../../server/contracts/events';
import { slugSchema } from '../../../server/contracts/ids';
import type { AppRouter } from '../../api';
import type { CsvColumn } from '../csv';
import { dayStartMs, formatDateTime } from '../format';
import { stageLabel } from '../leads/stages';
import type { SessionFilterValues } from './SessionFilters';

export type SessionRow = inferRouterOutputs<AppRouter>['staff']['sessions']['items'][number];

/** `value` if it is one of `allowed`, else undefined (a hand-edited URL cannot send a bad filter). */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The procedure's filter: whole local days from `from` to `to` inclusive. */
export function sessionInput(f: SessionFilterValues) {
  const mode = oneOf(f.mode, modes);
  const customer = oneOf(f.customer, ['known', 'anonymous'] as const);
  const contact = oneOf(f.contact, ['yes', 'no'] as const);
  const customerSearch = f.q.trim().slice(0, 100) || undefined;
  const productId = slugSchema.safeParse(f.product).success ? f.product : undefined;
  const from = f.from ? dayStartMs(f.from) : undefined;
  // The end of the `to` day is the start of the next local day.
  const until = f.to ? dayStartMs(f.to, 1) : undefined;
  const minDurationMs = f.minDuration ? Number(f.minDuration) * 1000 : undefined;
  return { from, until: until !== undefined && from !== undefined && until <= from ? undefined : until, mode, customer, customerSearch, productId, contact, minDurationMs };
}

/** CSV columns of a session row; `productName` names a product id from the catalogue. */
export function sessionColumns(productName: (id: string) => string): CsvColumn<SessionRow>[] {
  return [
    { header: 'Session', value: (s) => s.id },
    { header: 'Started', value: (s) => formatDateTime(s.startedAt) },
    { header: 'Duration (s)', value: (s) => Math.round(s.durationMs / 1000) },
    { header: 'Modes', value: (s) => s.modes.join(' ') },
    { header: 'Products looked at', value: (s) => s.productCount },
    { header: 'Most looked at', value: (s) => s.products.map(productName).join('; ') },
    { header: 'Cart value', value: (s) => s.cartValue.amount },
    { header: 'Currency', value: (s) => s.cartValue.currency },
    { header: 'Contact requests', value: (s) => s.contactRequests },
    { header: 'Lead stage', value: (s) => (s.lead ? stageLabel[s.lead.stage] : '') },
    { header: 'Events', value: (s) => s.eventCount },
    { header: 'Customer', value: (s) => s.customerName ?? 'anonymous' },
    { header: 'Customer id', value: (s) => s.customerId },
    { header: 'Visitor', value: (s) => s.visitorId },
  ];
}
