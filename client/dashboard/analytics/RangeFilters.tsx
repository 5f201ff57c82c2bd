// The analytics page's filters: a day range (with presets) and the device mode, kept in the URL.
export const analyticsFilterKeys = ['from', 'to', 'mode'] as const;
export type AnalyticsFilterValues = Record<(typeof analyticsFilterKeys)[number], string>;

const DAY_MS = 86_400_000;
/** The UTC day `days` before today, YYYY-MM-DD. */
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/** The range the page shows: the URL's, else the last 30 days (UTC days, as the rollups count them). */
export function effectiveRange(v: AnalyticsFilterValues): { from: string; to: string; mode?: 'desktop' | 'vr' | 'ar' } {
  const mode = v.mode === 'desktop' || v.mode === 'vr' || v.mode === 'ar' ? v.mode : undefined;
  return { from: v.from || daysAgo(29), to: v.to || daysAgo(0), ...(mode ? { mode } : {}) };
}

const presets: [number, string][] = [[7, '7 days'], [30, '30 days'], [90, '90 days'], [365, '365 days']];

export function RangeFilters({ values, set }: { values: AnalyticsFilterValues; set: (p: Partial<AnalyticsFilterValues>) => void }) {
  const r = effectiveRange(values);
  return (
    <form className="filters" aria-label="Analytics range" onSubmit={(e) => e.preventDefault()}>
      <label>
        From
        <input type="date" value={r.from} max={r.to} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label>
        To
        <input type="date" value={r.to} min={r.from} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <div className="tabs" role="group" aria-label="Last days">
        {presets.map(([days, label]) => (
          <button key={days} type="button" className={r.from === daysAgo(days - 1) && r.to === daysAgo(0) ? 'active' : ''} onClick={() => set({ from: daysAgo(days - 1), to: daysAgo(0) })}>
            {label}
          </button>
        ))}
      </div>
      <label>
        Device
        <select value={values.mode} onChange={(e) => set({ mode: e.target.value })}>
          <option value="">all devices</option>
          <option value="desktop">desktop</option>
          <option value="vr">VR headset</option>
          <option value="ar">AR</option>
        </select>
      </label>
      <span className="hint">Days are UTC calendar days, both ends included.</span>
    </form>
  );
}
