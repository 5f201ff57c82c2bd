// Formatting helpers for the dashboard: times, days, durations, money, device modes.
import type { Mode } from '../../server/contracts/events';

const p2 = (n: number) => String(n).padStart(2, '0');

/** "2026-11-21 14:03:07" in the viewer's time zone. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${localDay(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

/** "2026-11-21 14:03" in the viewer's time zone. */
export function formatMinute(ms: number): string {
  const d = new Date(ms);
  return `${localDay(d)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/** The calendar day (YYYY-MM-DD) of `d` in the viewer's time zone. */
export function localDay(d: Date = new Date()): string {
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`;
}

/** ms since the epoch of the start (00:00 local time) of a YYYY-MM-DD day, or of the day `plusDays` later. */
export function dayStartMs(day: string, plusDays = 0): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).getTime();
}

/** A duration in ms as "4 min 05 s", "12 s" or "1 h 02 min". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** "3 days ago", "in 2 hours", "just now" relative to `now` (ms). */
export function formatAgo(ms: number, now = Date.now()): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const [unit, size] = units.find(([, size]) => abs >= size) ?? units.at(-1)!;
  return rtf.format(Math.round(diff / size), unit);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** An amount in major units of `currency`, e.g. "€1,299.00". */
export function formatMoney(amount: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: 2 });
    moneyFormats.set(currency, f);
  }
  return f.format(amount);
}

/** Per-currency amounts ({EUR: 12, USD: 3}) as "€12.00 + US$3.00", or a zero in `fallback`. */
export function formatAmounts(amounts: Record<string, number>, fallback = 'EUR'): string {
  const entries = Object.entries(amounts).filter(([, v]) => v !== 0);
  if (entries.length === 0) return formatMoney(0, fallback);
  return entries.map(([c, v]) => formatMoney(v, c)).join(' + ');
}

/** A device mode as the dashboard names it. */
export const modeNames: Record<Mode, string> = { desktop: 'Desktop', vr: 'VR headset', ar: 'AR' };
export const modeName = (mode: string) => modeNames[mode as Mode] ?? mode;
