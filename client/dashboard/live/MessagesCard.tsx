// Messages to one session: a short form for sales and admins (1-280 characters) and what was sent, with seen and dismissed times.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_MESSAGE_CHARS } from '../../../server/contracts/live';
import { formatDateTime } from '../format';
import { canWrite, useMe } from '../me';
import { queryClient, trpc } from '../trpc';
import { Card } from '../ui/Card';
import { ErrorBox, InlineError } from '../ui/States';

export function MessagesCard({ sessionId, live }: { sessionId: string; live: boolean }) {
  const me = useMe();
  const [text, setText] = useState('');
  // The Live page refreshes it as receipts stream in; elsewhere (a session's page) it is read again while the customer is here.
  const history = useQuery(trpc.live.history.queryOptions({ sessionId }, { refetchInterval: live ? 5_000 : false }));
  const send = useMutation(
    trpc.live.send.mutationOptions({
      onSuccess: () => {
        setText('');
        void queryClient.invalidateQueries({ queryKey: trpc.live.history.queryKey({ sessionId }) });
      },
    }),
  );
  const trimmed = text.trim();
  return (
    <Card title="Messages to the customer" className="live-messages">
      {canWrite(me) ? (
        <form
          className="message-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (trimmed) send.mutate({ sessionId, text: trimmed });
          }}
        >
          <label>
            <span>{live ? 'Appears in the customer’s view (in VR as a panel in the scene)' : 'The customer is not in the showroom now; it appears when they come back within 30 minutes'}</span>
            <textarea name="message" rows={2} maxLength={MAX_MESSAGE_CHARS} value={text} onChange={(e) => setText(e.target.value)} placeholder="I am at the sofa corner if you would like to sit on one." />
          </label>
          <div className="message-form-actions">
            <span className="muted">
              {trimmed.length}/{MAX_MESSAGE_CHARS}
            </span>
            <button type="submit" className="primary" disabled={!trimmed || send.isPending}>
              Send
            </button>
          </div>
          <InlineError error={send.error} />
        </form>
      ) : null}
      {history.isError ? <ErrorBox error={history.error} retry={() => void history.refetch()} /> : null}
      <ul className="message-history">
        {(history.data ?? []).map((m) => (
          <li key={m.id} data-message-id={m.id}>
            <div>
              <strong>{m.senderName}</strong> <span className="muted">{formatDateTime(m.createdAt)}</span>
            </div>
            <div className="message-text">{m.body}</div>
            <div className="muted message-status">{m.dismissedAt ? `Seen and dismissed ${formatDateTime(m.dismissedAt)}` : m.shownAt ? `Seen ${formatDateTime(m.shownAt)}` : 'Not seen yet'}</div>
          </li>
        ))}
        {history.data?.length === 0 ? <li className="muted">No messages sent to this session.</li> : null}
      </ul>
    </Card>
  );
}
