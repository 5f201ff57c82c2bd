// A salesperson's message over the desktop view: who sent it, the text, and Dismiss. In a headset MessagePanel3D shows it instead.
import { useEffect } from 'react';
import { useShowroom } from '../store';
import { dismissMessage, markShown, useInbox } from './inbox';

export function MessageToast() {
  const message = useInbox((s) => s.waiting[0]);
  const more = useInbox((s) => s.waiting.length - 1);
  const desktop = useShowroom((s) => s.mode === 'desktop');
  useEffect(() => {
    if (message && desktop) markShown(message, 'overlay');
  }, [message, desktop]);
  if (!message || !desktop) return null;
  return (
    <aside className="staff-message" role="status" aria-live="polite" data-message-id={message.id}>
      <div className="staff-message-from">Message from {message.senderName}</div>
      <p className="staff-message-body">{message.body}</p>
      <div className="staff-message-actions">
        {more > 0 ? <span className="staff-message-more">{more} more</span> : null}
        <button type="button" onClick={(e) => dismissMessage(message, e.detail === 0 ? 'keyboard' : 'mouse')}>
          Dismiss
        </button>
      </div>
    </aside>
  );
}
