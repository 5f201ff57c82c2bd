// What staff read of showroom sessions: a filtered page of them, one with its events, and its replay (pose chunks, attention).
import { TRPCError } from '@trpc/server';
import type { Catalog } from '../contracts/catalog';
import { pageOf } from '../contracts/paging';
import type { ReplayPoses, ReplayPosesInput } from '../contracts/replay';
import type { SessionListInput } from '../contracts/sessions';
import { sessionAttention } from '../db/attention';
import type { DB } from '../db/connection';
import { listSessionEvents } from '../db/events';
import { poseChunkPage } from '../db/replay';
import { getSession, listSessions, type SessionListItem } from '../db/sessions';
import type { StaffUser } from '../db/staff';
import { withListExtras } from './sessionRows';

/** The session, or NOT_FOUND. */
function loadSession(db: DB, id: string): SessionListItem {
  const session = getSession(db, id);
  if (!session) throw new TRPCError({ code: 'NOT_FOUND', message: `No session ${id}` });
  return session;
}

/**
 * Sessions newest first, a page at a time, filtered; each with its modes, products, cart value and the
 * customer's lead stage as `staff` may see it.
 */
export function sessionPage(deps: { db: DB; catalog: Catalog }, input: SessionListInput, staff: StaffUser) {
  const { limit, cursor, ...filter } = input;
  const rows = listSessions(deps.db, { limit: limit + 1, before: cursor ?? undefined, filter });
  const page = pageOf(rows, limit, (s) => ({ startedAt: s.startedAt, id: s.id }));
  return { ...page, items: withListExtras(deps.db, deps.catalog, staff, page.items) };
}

/** One session (NOT_FOUND for none) and up to `limit` of its events after sequence number `afterSeq`, in order. */
export function sessionWithEvents(db: DB, input: { id: string; afterSeq?: number | undefined; limit: number }) {
  const session = loadSession(db, input.id);
  return { session, events: listSessionEvents(db, input.id, { limit: input.limit, afterSeq: input.afterSeq }) };
}

/** A page of the session's pose chunks in time order, still encoded (base64), with the next page's cursor. */
export function replayPosePage(db: DB, input: ReplayPosesInput): ReplayPoses {
  loadSession(db, input.id);
  const rows = poseChunkPage(db, input.id, { limit: input.limit + 1, after: input.cursor });
  const page = pageOf(rows, input.limit, (r) => ({ startTs: r.startTs, seq: r.seq }));
  const chunks = page.items.map((r) => ({
    seq: r.seq,
    startTs: r.startTs,
    durationMs: r.durationMs,
    mode: r.mode,
    samples: r.samples,
    format: r.format,
    data: r.data.toString('base64'),
  }));
  return { chunks, nextCursor: page.nextCursor };
}

/** Per product, what the session did with it (dwell time in ms and count, selects, cart and wishlist adds), most looked-at first. */
export function replayAttention(db: DB, sessionId: string) {
  loadSession(db, sessionId);
  return sessionAttention(db, sessionId);
}
