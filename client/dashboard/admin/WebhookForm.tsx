// Adds a CRM webhook endpoint: URL, event types, description; then shows its signing secret once.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type WebhookEventType, webhookEventTypes } from '../../../server/contracts/webhooks';
import { queryClient, trpc } from '../trpc';
import { InlineError } from '../ui/States';

export function WebhookForm({ onDone }: { onDone: () => void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...webhookEventTypes]);
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() }) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ url, description, events });
  };
  const toggle = (t: WebhookEventType) => setEvents((list) => (list.includes(t) ? list.filter((x) => x !== t) : [...list, t]));
  if (create.data) {
    return (
      <div className="form" aria-label="Signing secret">
        <p>
          Endpoint {create.data.endpoint.id} added. Its signing secret is shown <strong>only now</strong>: put it in the receiver, which verifies the
          <code> webhook-signature</code> header with it.
        </p>
        <input readOnly aria-label="Signing secret" value={create.data.secret} onFocus={(e) => e.currentTarget.select()} />
        <div className="buttons">
          <button type="button" className="primary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <form className="form" onSubmit={submit} aria-label="New webhook endpoint">
      <label>
        URL
        <input type="url" required placeholder="https://crm.example.com/hooks/showroom" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label>
        Description
        <input maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset>
        <legend>Events</legend>
        {webhookEventTypes.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={events.includes(t)} onChange={() => toggle(t)} /> <code>{t}</code>
          </label>
        ))}
      </fieldset>
      <InlineError error={create.error} />
      <div className="buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending || events.length === 0}>
          Add endpoint
        </button>
      </div>
    </form>
  );
}
