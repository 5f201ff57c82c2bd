// Requests for a salesperson ("Ask a salesperson" in the showroom), with who asked, about what, and a close button.
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api';
import type { CsvColumn } from '../csv';
import { invalidateCrm } from '../followups/invalidate';
import { formatAgo, formatDateTime } from '../format';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { InlineError } from '../ui/States';
import { useProductNames } from '../ui/useCatalog';

export type RequestRow = inferRouterOutputs<AppRouter>['serviceRequests']['list']['items'][number];

export const requestColumns: CsvColumn<RequestRow>[] = [
  { header: 'Id', value: (r) => r.id },
  { header: 'Received', value: (r) => formatDateTime(r.createdAt) },
  { header: 'Status', value: (r) => r.status },
  { header: 'Channel', value: (r) => r.channel },
  { header: 'Name', value: (r) => r.name ?? r.customerName },
  { header: 'Email', value: (r) => r.email },
  { header: 'Phone', value: (r) => r.phone },
  { header: 'Product', value: (r) => r.productId },
  { header: 'Variant', value: (r) => r.variantId },
  { header: 'Message', value: (r) => r.message },
  { header: 'Customer id', value: (r) => r.customerId },
  { header: 'Lead id', value: (r) => r.leadId },
  { header: 'Closed', value: (r) => (r.closedAt ? formatDateTime(r.closedAt) : null) },
];

export function RequestsTable({ requests, compact = false }: { requests: readonly RequestRow[]; compact?: boolean }) {
  const me = useMe();
  const productName = useProductNames();
  const setStatus = useMutation(trpc.serviceRequests.setStatus.mutationOptions({ onSuccess: invalidateCrm }));
  return (
    <>
      <table className="list requests">
        <thead>
          <tr>
            <th>Received</th>
            {compact ? null : <th>Who</th>}
            <th>About</th>
            <th>Message</th>
            <th>Status</th>
            {canWrite(me) ? <th aria-label="Actions" /> : null}
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <td title={formatDateTime(r.createdAt)}>
                {formatAgo(r.createdAt)}
                <div className="muted small">{r.channel === 'one-press' ? 'one press (VR)' : 'contact form'}</div>
              </td>
              {compact ? null : (
                <td>
                  {r.customerId ? <AppLink to={`/customers/${r.customerId}`}>{r.customerName || r.name || 'customer'}</AppLink> : <span className="muted">anonymous visitor</span>}
                  <div className="small">{[r.email, r.phone].filter(Boolean).join(' · ')}</div>
                </td>
              )}
              <td>
                {r.productId ? productName(r.productId, r.variantId) : <span className="muted">general question</span>}
                {r.leadId ? (
                  <div className="small">
                    <AppLink to={`/leads/${r.leadId}`}>open the lead</AppLink>
                  </div>
                ) : null}
              </td>
              <td className="message">{r.message || <span className="muted">no message</span>}</td>
              <td>
                <span className={`tag status-${r.status}`}>{r.status}</span>
              </td>
              {canWrite(me) ? (
                <td>
                  <button type="button" disabled={setStatus.isPending} onClick={() => setStatus.mutate({ id: r.id, status: r.status === 'open' ? 'closed' : 'open' })}>
                    {r.status === 'open' ? 'Close' : 'Reopen'}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      <InlineError error={setStatus.error} />
    </>
  );
}
