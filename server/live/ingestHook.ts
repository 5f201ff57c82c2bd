// What an ingest batch tells the live view: the session's activity, and message receipts the customer's browser logged.
import type { TelemetryEvent } from '../contracts/events';
import type { DB } from '../db/connection';
import { markLiveMessage } from '../db/liveMessages';
import { liveHubFor } from './hub';

/**
 * Called after a batch is stored (`now`: server ms): updates the live hub, and records on the message
 * when the customer's browser showed or dismissed it (first time only; a resent batch changes nothing).
 */
export function afterIngest(db: DB, sessionId: string, events: readonly TelemetryEvent[], now: number): void {
  const hub = liveHubFor(db);
  for (const e of events) {
    if (e.type !== 'staff_message_shown' && e.type !== 'staff_message_dismissed') continue;
    const updated = markLiveMessage(db, sessionId, e.props.messageId, e.type === 'staff_message_shown' ? 'shown' : 'dismissed', e.ts);
    if (updated) hub.publishMessage(updated);
  }
  hub.activity(sessionId, events, now);
}
