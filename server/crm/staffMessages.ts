// Short messages from staff to a customer who is in the showroom now: stored, then pushed to the customer's inbox.
import { TRPCError } from '@trpc/server';
import { MESSAGE_WINDOW_MS, type SentMessage } from '../contracts/live';
import type { DB } from '../db/connection';
import { insertLiveMessage, sessionLastSeen } from '../db/liveMessages';
import type { StaffUser } from '../db/staff';
import { liveHubFor } from '../live/hub';

/**
 * Sends `text` from `staff` to a session that is live or was seen in the last MESSAGE_WINDOW_MS (CONFLICT
 * otherwise; NOT_FOUND for no such session): stores it and publishes it to the session's inbox stream.
 */
export function sendStaffMessage(deps: { db: DB; now: () => number }, input: { sessionId: string; text: string }, staff: StaffUser): SentMessage {
  const { db } = deps;
  const hub = liveHubFor(db);
  // The stored session decides whether there is one (the hub may still hold a session erased a moment ago).
  const stored = sessionLastSeen(db, input.sessionId);
  if (stored === undefined) throw new TRPCError({ code: 'NOT_FOUND', message: `No session ${input.sessionId}` });
  const lastSeen = Math.max(stored, hub.get(input.sessionId)?.lastSeenAt ?? -Infinity);
  const now = deps.now();
  if (now - lastSeen > MESSAGE_WINDOW_MS) {
    throw new TRPCError({ code: 'CONFLICT', message: 'This session ended more than 30 minutes ago; a message reaches only a customer who is in the showroom' });
  }
  const message = insertLiveMessage(db, { sessionId: input.sessionId, senderId: staff.id, senderName: staff.name, body: input.text, now });
  hub.publishMessage(message);
  return message;
}
