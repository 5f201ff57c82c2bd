// The customer's inbox of salesperson messages: an SSE subscription by the session's token, the messages waiting, shown and dismissed.
import { create } from 'zustand';
import type { InputKind } from '../../../server/contracts/events';
import type { LiveMessage } from '../../../server/contracts/live';
import { api } from '../../api';
import { track } from '../../telemetry/recorder';

interface InboxState {
  /** Messages not yet dismissed, oldest first; the first is the one on screen. */
  waiting: LiveMessage[];
}

export const useInbox = create<InboxState>()(() => ({ waiting: [] }));

const DISMISSED_KEY = 'showroom.live.dismissed.';
/** Messages already logged as shown on this page, and when (performance.now(), ms). */
const shownAt = new Map<number, number>();

/** The id of the last message this tab dismissed in `sessionId` (a reload resumes after it). */
function lastDismissed(sessionId: string): number {
  return Number(sessionStorage.getItem(DISMISSED_KEY + sessionId) ?? 0) || 0;
}

let connected: { sessionId: string; unsubscribe(): void } | null = null;

/**
 * Opens the inbox of the session: messages the salesperson sent since the last one this tab dismissed, then new
 * ones as they come. Called again with another session (the server refused the old one and a new one started), it
 * leaves the old inbox for the new one. The link reconnects by itself, resuming after the last message received.
 */
export function connectInbox(session: { sessionId: string; token: string }): void {
  if (connected?.sessionId === session.sessionId) return;
  connected?.unsubscribe();
  useInbox.setState({ waiting: [] });
  const after = lastDismissed(session.sessionId);
  const sub = api.live.inbox.subscribe(
    { sessionId: session.sessionId, token: session.token, lastEventId: after ? String(after) : null },
    {
      onData: ({ data }) => {
        if (data.id <= lastDismissed(session.sessionId)) return;
        useInbox.setState((s) => (s.waiting.some((m) => m.id === data.id) ? s : { waiting: [...s.waiting, data] }));
      },
      onError: (err) => console.warn('The message inbox stopped:', err.message),
    },
  );
  connected = { sessionId: session.sessionId, unsubscribe: () => sub.unsubscribe() };
}

/** Logs that a message is on screen (`overlay` on a desktop, `panel` in the 3D scene), once per page and message. */
export function markShown(message: LiveMessage, display: 'overlay' | 'panel'): void {
  if (shownAt.has(message.id)) return;
  shownAt.set(message.id, performance.now());
  track({ type: 'staff_message_shown', input: 'system', props: { messageId: message.id, display } });
}

/** The customer closed the message: logged with how long it was on screen, and remembered for reloads. */
export function dismissMessage(message: LiveMessage, input: InputKind): void {
  const since = shownAt.get(message.id);
  track({
    type: 'staff_message_dismissed',
    input,
    props: since === undefined ? { messageId: message.id } : { messageId: message.id, durationMs: Math.round(performance.now() - since) },
  });
  sessionStorage.setItem(DISMISSED_KEY + message.sessionId, String(Math.max(message.id, lastDismissed(message.sessionId))));
  useInbox.setState((s) => ({ waiting: s.waiting.filter((m) => m.id !== message.id) }));
}
