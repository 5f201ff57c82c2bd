// Staff messages to running sessions: store, read back for the customer's browser and for staff, mark seen and dismissed.
import type { SentMessage } from '../contracts/live';
import type { DB } from './connection';

const columns = `id, session_id AS sessionId, sender_id AS senderId, sender_name AS senderName, body, created_at AS createdAt,
  shown_at AS shownAt, dismissed_at AS dismissedAt`;

/** Stores a message; returns it with its id (ids grow, so the browser can resume after the last one it has). */
export function insertLiveMessage(db: DB, m: { sessionId: string; senderId: number; senderName: string; body: string; now: number }): SentMessage {
  return db
    .prepare(`INSERT INTO live_messages (session_id, sender_id, sender_name, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING ${columns}`)
    .get(m.sessionId, m.senderId, m.senderName, m.body, m.now) as SentMessage;
}

/** A session's messages with an id above `afterId`, oldest first (at most `limit`). */
export function liveMessagesAfter(db: DB, sessionId: string, afterId: number, limit = 100): SentMessage[] {
  return db.prepare(`SELECT ${columns} FROM live_messages WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?`).all(sessionId, afterId, limit) as SentMessage[];
}

/** A session's messages, newest first, for staff. */
export function liveMessageHistory(db: DB, sessionId: string, limit: number): SentMessage[] {
  return db.prepare(`SELECT ${columns} FROM live_messages WHERE session_id = ? ORDER BY id DESC LIMIT ?`).all(sessionId, limit) as SentMessage[];
}

/**
 * Records when the customer's browser showed or dismissed a message (browser ms), keeping the first
 * time; only the session's own messages. Returns the message when it changed, else undefined.
 */
export function markLiveMessage(db: DB, sessionId: string, id: number, what: 'shown' | 'dismissed', ts: number): SentMessage | undefined {
  const column = what === 'shown' ? 'shown_at' : 'dismissed_at';
  return db
    .prepare(`UPDATE live_messages SET ${column} = ? WHERE id = ? AND session_id = ? AND ${column} IS NULL RETURNING ${columns}`)
    .get(ts, id, sessionId) as SentMessage | undefined;
}

/** When the session was last heard from through ingest (server ms), or undefined for an unknown session. */
export function sessionLastSeen(db: DB, sessionId: string): number | undefined {
  return db.prepare('SELECT last_seen_at FROM sessions WHERE id = ?').pluck().get(sessionId) as number | undefined;
}
