// The page-hide spill: events IndexedDB may not have confirmed, kept synchronously in sessionStorage until the tab's next page reads them.
import type { EventInput } from '../../server/contracts/events';

const SPILL_KEY = 'showroom.telemetry.spill';
const PENDING_KEY = 'showroom.telemetry.pending';

/** Saves a session's unconfirmed events, or clears the spill when there are none; false when storage refused them. */
export function writeSpill(sessionId: string, events: readonly EventInput[]): boolean {
  try {
    if (events.length === 0) sessionStorage.removeItem(SPILL_KEY);
    else sessionStorage.setItem(SPILL_KEY, JSON.stringify({ sessionId, events }));
    return true;
  } catch {
    return false;
  }
}

/** The events spilled on the last page hide for this session (removed from storage once read). */
export function readSpill(sessionId: string): EventInput[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(SPILL_KEY) ?? 'null') as { sessionId: string; events: EventInput[] } | null;
    sessionStorage.removeItem(SPILL_KEY);
    return raw?.sessionId === sessionId && Array.isArray(raw.events) ? raw.events : [];
  } catch {
    return [];
  }
}

/** Saves the events recorded before any session could be started (server unreachable since the page loaded). */
export function writePendingSpill(pending: readonly EventInput[]): void {
  try {
    if (pending.length === 0) sessionStorage.removeItem(PENDING_KEY);
    else sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  } catch {
    /* storage full */
  }
}

/** Events recorded without a session by the previous page of this tab (removed from storage once read). */
export function readPendingSpill(): EventInput[] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? '[]') as EventInput[];
    sessionStorage.removeItem(PENDING_KEY);
    return Array.isArray(raw) ? raw : [];
  } catch {
    return [];
  }
}
