// Admin: the CRM's webhook endpoints: add (secret shown once), switch on and off, test, remove, and each one's delivery log.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { webhookEventTypes } from '../../../server/contracts/webhooks';
import { formatDateTime } from '../format';
import { queryClient, trpc } from '../trpc';
import { Dialog } from '../ui/Dialog';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, InlineError, Loading } from '../ui/States';
import { DeliveryLog } from './DeliveryLog';
import { WebhookForm } from './WebhookForm';

export function WebhooksPage() {
  const q = useQuery({ ...trpc.webhooks.list.queryOptions(), refetchInterval: 5_000 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() });
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSuccess: invalidate }));
  const test = useMutation(trpc.webhooks.test.mutationOptions());
  return (
    <section>
      <PageHeader
        title="Webhooks"
        intro="Signed events (Standard Webhooks) for the CRM: customers, leads, requests, quotes, orders and ended sessions. Failed deliveries are retried for about a day."
        actions={
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New endpoint
          </button>
        }
      />
      <InlineError error={update.error ?? remove.error ?? test.error} />
      {test.data ? (
        <p role="status">
          Test event: {test.data.ok ? 'accepted' : 'failed'} ({test.data.statusCode === null ? 'no answer' : `HTTP ${test.data.statusCode}`}, {Math.round(test.data.durationMs)} ms)
          {test.data.error ? `: ${test.data.error}` : ''}
        </p>
      ) : null}
      {q.isPending ? (
        <Loading what="webhook endpoints" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty title="No webhook endpoints yet.">Add the URL your CRM (or an integration service) receives events at.</Empty>
      ) : (
        <table className="list webhooks">
          <thead>
            <tr>
              <th>URL</th>
              <th>Events</th>
              <th>Status</th>
              <th>Pending</th>
              <th>Failed</th>
              <th>Added</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {q.data.map((e) => (
              <tr key={e.id} className={e.enabled ? '' : 'disabled'}>
                <td>
                  {e.url}
                  {e.description ? <div className="muted">{e.description}</div> : null}
                </td>
                <td>{e.events.length === webhookEventTypes.length ? 'all' : e.events.join(', ')}</td>
                <td>{e.enabled ? <span className="tag account-active">enabled</span> : <span className="tag account-disabled">disabled</span>}</td>
                <td>{e.pending}</td>
                <td>{e.failed}</td>
                <td>{formatDateTime(e.createdAt)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => setOpen(open === e.id ? null : e.id)}>
                    {open === e.id ? 'Hide log' : 'Delivery log'}
                  </button>
                  <button type="button" disabled={test.isPending} onClick={() => test.mutate({ id: e.id })}>
                    Send test
                  </button>
                  <button type="button" disabled={update.isPending} onClick={() => update.mutate({ id: e.id, enabled: !e.enabled })}>
                    {e.enabled ? 'Disable' : 'Enable'}
                  </button>
                  <button type="button" disabled={remove.isPending} onClick={() => window.confirm(`Remove ${e.url} with its delivery log?`) && remove.mutate({ id: e.id })}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null ? <DeliveryLog endpointId={open} /> : null}
      <Dialog open={creating} title="New webhook endpoint" onClose={() => setCreating(false)}>
        <WebhookForm onDone={() => setCreating(false)} />
      </Dialog>
    </section>
  );
}
