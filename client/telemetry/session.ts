// The customer's visitor id (kept in localStorage) and the current session (kept per tab in sessionStorage).
import type { Mode } from '../../server/contracts/events';
import { api } from '../api';

const VISITOR_KEY = 'showroom.visitor';
const SESSION_KEY = 'showroom.session';
/** A tab idle longer than this starts a new session on its next load. */
const SESSION_IDLE_MS = 30 * 60 * 1000;

export interface SessionInfo {
  sessionId: string;
  token: string;
  /** Next sequence number to hand out. */
  nextSeq: number;
  lastActive: number;
}

/** The browser's long-lived visitor id, created on first use. */
export function visitorId(): string {
  let id = localStorage.getItem(VISITOR_KEY);
  if (!id || !/^[0-9a-f-]{36}$/.test(id)) {
    id = crypto.randomUUID();
    localStorage.setItem(VISITOR_KEY, id);
  }
  return id;
}

function readStored(): SessionInfo | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as SessionInfo | null;
    if (s && typeof s.sessionId === 'string' && typeof s.token === 'string' && Number.isInteger(s.nextSeq)) return s;
  } catch {
    /* a damaged entry starts a new session */
  }
  return null;
}

/** Saves the session so a reload of this tab continues it. */
export function storeSession(s: SessionInfo): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
}

/** Drops this tab's session (the server refused it); the next `openSession` starts a new one. */
export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * Continues this tab's session if it is recent, else asks the server for a new one.
 * Returns `resumed: true` when an existing session was continued.
 */
export async function openSession(mode: Mode): Promise<{ session: SessionInfo; resumed: boolean }> {
  const stored = readStored();
  if (stored && Date.now() - stored.lastActive < SESSION_IDLE_MS) return { session: stored, resumed: true };
  const { sessionId, token } = await api.session.start.mutate({ visitorId: visitorId(), mode, userAgent: navigator.userAgent.slice(0, 400) });
  const session = { sessionId, token, nextSeq: 0, lastActive: Date.now() };
  storeSession(session);
  return { session, resumed: false };
}
