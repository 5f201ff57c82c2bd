// Filters of the session list: start day range, device mode, known customer or anonymous, minimum duration.

export const sessionFilterKeys = ['from', 'to', 'mode', 'customer', 'minDuration'] as const;
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
      <label>
        Device
        <select value={values.mode} onChange={(e) => set({ mode: e.target.value })}>
          <option value="">all devices</option>
          <option value="desktop">desktop</option>
          <option value="vr">VR headset</option>
          <option value="ar">AR</option>
        </select>
      </label>
      <label>
        Customer
        <select value={values.customer} onChange={(e) => set({ customer: e.target.value })}>
          <option value="">known and anonymous</option>
          <option value="known">known customers</option>
          <option value="anonymous">anonymous visitors</option>
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
        <button type="button" className="link" onClick={() => set({ from: '', to: '', mode: '', customer: '', minDuration: '' })}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
