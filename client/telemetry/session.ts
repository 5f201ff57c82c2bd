// The visitor id (localStorage), this tab's session (sessionStorage, mirrored in IndexedDB with the queue) and session locks.
import type { Mode } from '../../server/contracts/events';
import { api } from '../api';
import type { SessionMeta } from './eventStore';

const VISITOR_KEY = 'showroom.visitor';
const SESSION_KEY = 'showroom.session';
/** A tab idle longer than this starts a new session on its next load. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
const LOCK_PREFIX = 'showroom.telemetry.session.';

export type SessionInfo = SessionMeta;

/** The browser's long-lived visitor id, created on first use. */
export function visitorId(): string {
  let id = localStorage.getItem(VISITOR_KEY);
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) {
    id = crypto.randomUUID();
    localStorage.setItem(VISITOR_KEY, id);
  }
  return id;
}

/** This tab's session as last saved, if any. */
export function readStoredSession(): SessionInfo | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as SessionInfo | null;
    if (s && typeof s.sessionId === 'string' && typeof s.token === 'string' && Number.isInteger(s.nextSeq) && typeof s.lastActive === 'number') return s;
  } catch {
    /* a damaged entry starts a new session */
  }
  return null;
}

/** Saves the session so a reload of this tab continues it (synchronous: safe on page hide). */
export function storeSession(s: SessionInfo): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
  } catch {
    /* storage full or disabled: IndexedDB still has it */
  }
}

/** Drops this tab's session (the server refused it); the next `openSession` starts a new one. */
export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Continues this tab's session if it was active in the last 30 minutes, else asks the server for a
 * new one. `stored` is what IndexedDB knows about the tab's session: the larger sequence number wins,
 * so a number is never handed out twice. Returns `resumed: true` when an existing session continues.
 */
export async function openSession(mode: Mode, stored: (id: string) => Promise<SessionMeta | undefined>): Promise<{ session: SessionInfo; resumed: boolean }> {
  const tab = readStoredSession();
  if (tab && Date.now() - tab.lastActive < SESSION_IDLE_MS) {
    const meta = await stored(tab.sessionId).catch(() => undefined);
    return { session: { ...tab, nextSeq: Math.max(tab.nextSeq, meta?.nextSeq ?? 0) }, resumed: true };
  }
  const { sessionId, token } = await api.session.start.mutate({ visitorId: visitorId(), mode, userAgent: navigator.userAgent.slice(0, 400) });
  const session = { sessionId, token, nextSeq: 0, lastActive: Date.now() };
  storeSession(session);
  return { session, resumed: false };
}

/** Holds this page's claim on a session until the page goes (other tabs then may deliver what it left queued). */
export function holdSessionLock(sessionId: string): void {
  navigator.locks?.request(LOCK_PREFIX + sessionId, () => new Promise<void>(() => undefined)).catch(() => undefined);
}

/**
 * Calls `hold` once no other page holds the session (at once if none does; when its page closes if
 * one does); the claim lasts until the promise `hold` returns settles. Without the Web Locks API it
 * calls `hold` at once and the caller must judge by the session's last activity.
 */
export function whenSessionFree(sessionId: string, hold: () => Promise<void>): void {
  if (!navigator.locks) {
    void hold();
    return;
  }
  navigator.locks.request(LOCK_PREFIX + sessionId, hold).catch(() => undefined);
}

/** Whether the Web Locks API tells open pages apart (else only idle sessions are adopted). */
export const hasLocks = (): boolean => typeof navigator !== 'undefined' && !!navigator.locks;
