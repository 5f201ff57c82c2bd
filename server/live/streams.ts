// The async generators behind the live subscriptions: the Live page's session updates and a customer's message inbox.
import { tracked, TRPCError, type TrackedEnvelope } from '@trpc/server';
import type { LiveMessage, LiveSession, LiveUpdate, SentMessage } from '../contracts/live';
import type { DB } from '../db/connection';
import { liveMessagesAfter } from '../db/liveMessages';
import { streamOpened } from '../metrics/live';
import type { LiveHub } from './hub';

/** Changes arriving within this time go out as one update, ms (a beacon burst from many visitors becomes one frame). */
export const COALESCE_MS = 80;
/** Idle subscribers still wake this often to drop sessions that went quiet, ms. */
export const SWEEP_MS = 1_000;
/** A staff stream checks this often that its login still holds (logout, expiry, a disabled account end it), ms. */
export const LOGIN_RECHECK_MS = 60_000;

/** A wake-up signal: `wait(ms)` resolves at the next `poke()`, after `ms`, or when `signal` aborts. */
function wakeable(signal: AbortSignal | undefined) {
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  signal?.addEventListener('abort', poke);
  return {
    poke,
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const timer = setTimeout(poke, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
    /** Waits `ms` whatever happens meanwhile (only an abort cuts it short): gathers a burst of changes. */
    pause: (ms: number) =>
      new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done);
      }),
    dispose: () => signal?.removeEventListener('abort', poke),
  };
}

const copy = (s: LiveSession): LiveSession => structuredClone(s);

/**
 * The Live page's stream: every live session first, then the sessions that changed or left (at most
 * one update per COALESCE_MS), and each message sent or seen. Fed by the hub's events, never by
 * polling the database; `now` is the server clock (ms) for dropping quiet sessions. `stillAllowed`
 * is asked every `recheckMs`; when it says no the stream ends with UNAUTHORIZED.
 */
export async function* liveSessionsStream(
  hub: LiveHub,
  now: () => number,
  signal?: AbortSignal,
  auth: { stillAllowed: () => boolean; recheckMs?: number } = { stillAllowed: () => true },
): AsyncGenerator<LiveUpdate> {
  let checkedAt = now();
  const dirty = new Set<string>();
  const messages: SentMessage[] = [];
  const w = wakeable(signal);
  const offChange = hub.onChange((id) => {
    dirty.add(id);
    w.poke();
  });
  const offMessage = hub.onMessage((m) => {
    messages.push(m);
    w.poke();
  });
  const closed = streamOpened('sessions');
  try {
    hub.sweep(now());
    dirty.clear();
    yield { kind: 'snapshot', sessions: hub.list().map(copy) };
    while (!signal?.aborted) {
      if (dirty.size === 0 && messages.length === 0) await w.wait(SWEEP_MS);
      if (signal?.aborted) break;
      if (now() - checkedAt >= (auth.recheckMs ?? LOGIN_RECHECK_MS)) {
        checkedAt = now();
        if (!auth.stillAllowed()) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your login has ended; log in again to watch live sessions' });
      }
      hub.sweep(now());
      if (dirty.size > 0) {
        await w.pause(COALESCE_MS);
        const sessions: LiveSession[] = [];
        const left: string[] = [];
        for (const id of dirty) {
          const s = hub.get(id);
          if (s) sessions.push(copy(s));
          else left.push(id);
        }
        dirty.clear();
        yield { kind: 'changes', sessions, left };
      }
      while (messages.length > 0) yield { kind: 'message', message: messages.shift()! };
    }
  } finally {
    closed();
    offChange();
    offMessage();
    w.dispose();
  }
}

const forCustomer = (m: SentMessage): LiveMessage => ({ id: m.id, sessionId: m.sessionId, senderName: m.senderName, body: m.body, createdAt: m.createdAt });

/**
 * A customer's inbox: messages of `sessionId` after `afterId` from the database (so one sent while the
 * browser was away still arrives), then new ones as they are sent. Each carries its id as the SSE event
 * id, so a reconnecting browser resumes after the last one it got.
 */
export async function* inboxStream(db: DB, hub: LiveHub, sessionId: string, afterId: number, signal?: AbortSignal): AsyncGenerator<TrackedEnvelope<LiveMessage>> {
  const queue: SentMessage[] = [];
  const w = wakeable(signal);
  // Listen before reading the table, so a message stored in between is not missed (ids tell duplicates apart).
  const off = hub.onMessage((m) => {
    if (m.sessionId !== sessionId) return;
    queue.push(m);
    w.poke();
  });
  let last = afterId;
  const closed = streamOpened('inbox');
  try {
    for (;;) {
      const stored = liveMessagesAfter(db, sessionId, last);
      for (const m of stored) {
        last = m.id;
        yield tracked(String(m.id), forCustomer(m));
      }
      if (stored.length < 100) break;
    }
    while (!signal?.aborted) {
      while (queue.length > 0) {
        const m = queue.shift()!;
        if (m.id <= last) continue;
        last = m.id;
        yield tracked(String(m.id), forCustomer(m));
      }
      await w.wait(30_000);
    }
  } finally {
    closed();
    off();
    w.dispose();
  }
}
