// The Live page's data: the live.sessions subscription folded into a list of sessions, and message updates passed on.
import { useSubscription } from '@trpc/tanstack-react-query';
import { useReducer } from 'react';
import type { LiveSession, LiveUpdate, SentMessage } from '../../../server/contracts/live';
import { isUnauthorized, queryClient, trpc } from '../trpc';

type Sessions = ReadonlyMap<string, LiveSession>;

function fold(state: Sessions, u: LiveUpdate): Sessions {
  if (u.kind === 'snapshot') return new Map(u.sessions.map((s) => [s.sessionId, s]));
  if (u.kind !== 'changes') return state;
  const next = new Map(state);
  for (const s of u.sessions) next.set(s.sessionId, s);
  for (const id of u.left) next.delete(id);
  return next;
}

/** The sessions live now (newest first), the stream's status, and `onMessage` called for each message sent or seen. */
export function useLiveSessions(onMessage: (m: SentMessage) => void) {
  const [sessions, dispatch] = useReducer(fold, new Map() as Sessions);
  const sub = useSubscription(
    trpc.live.sessions.subscriptionOptions(undefined, {
      onData: (u) => {
        if (u.kind === 'message') onMessage(u.message);
        else dispatch(u);
      },
      // A login that ended while watching: ask who is logged in, which brings back the login form.
      onError: (err) => {
        if (isUnauthorized(err)) void queryClient.invalidateQueries({ queryKey: trpc.staff.me.queryKey() });
      },
    }),
  );
  const list = [...sessions.values()].sort((a, b) => b.startedAt - a.startedAt);
  return { sessions: list, status: sub.status, error: sub.error };
}
