// Filters of the session list: start day range, customer (by name or known/anonymous), product, device mode, contact request, minimum duration.
import { useQuery } from '@tanstack/react-query';
import { modes } from '../../../server/contracts/events';
import { modeNames } from '../format';
import { trpc } from '../trpc';
import { useTypedFilter } from '../ui/useTypedFilter';

export const sessionFilterKeys = ['from', 'to', 'q', 'customer', 'product', 'mode', 'contact', 'minDuration'] as const;
export type SessionFilterValues = Record<(typeof sessionFilterKeys)[number], string>;

const durations: [string, string][] = [
  ['', 'any length'],
  ['30', 'at least 30 s'],
  ['60', 'at least 1 min'],
  ['300', 'at least 5 min'],
  ['900', 'at least 15 min'],
];

export function SessionFilters({ values, set }: { values: SessionFilterValues; set: (p: Partial<SessionFilterValues>) => void }) {
  const any = Object.values(values).some(Boolean);
  const [typed, setTyped] = useTypedFilter(values.q, (q) => set({ q }));
  const catalog = useQuery(trpc.catalog.get.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const products = [...(catalog.data?.products ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form className="filters" aria-label="Filter sessions" onSubmit={(e) => e.preventDefault()}>
      <label>
        From
        <input type="date" value={values.from} max={values.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        To
        <input type="date" value={values.to} min={values.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <label className="grow">
        Customer
        <input type="search" placeholder="Name, email, phone or company" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </label>
      <label>
        Known or anonymous
        <select value={values.customer} onChange={(e) => set({ customer: e.target.value })}>
          <option value="">known and anonymous</option>
          <option value="known">known customers</option>
          <option value="anonymous">anonymous visitors</option>
        </select>
      </label>
      <label>
        Product
        <select value={values.product} onChange={(e) => set({ product: e.target.value })}>
          <option value="">any product</option>
          {values.product && !products.some((p) => p.id === values.product) ? <option value={values.product}>{values.product}</option> : null}
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Device
        <select value={values.mode} onChange={(e) => set({ mode: e.target.value })}>
          <option value="">all devices</option>
          {modes.map((m) => (
            <option key={m} value={m}>
              {modeNames[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Contact request
        <select value={values.contact} onChange={(e) => set({ contact: e.target.value })}>
          <option value="">with or without</option>
          <option value="yes">asked for a salesperson</option>
          <option value="no">did not ask</option>
        </select>
      </label>
      <label>
        Duration
        <select value={values.minDuration} onChange={(e) => set({ minDuration: e.target.value })}>
          {durations.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {any ? (
        <button type="button" className="link" onClick={() => set(Object.fromEntries(sessionFilterKeys.map((k) => [k, ''])))}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
