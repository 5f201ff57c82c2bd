// One webhook endpoint's delivery log: status, response code, duration, tries and the next try; failed deliveries can be resent.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type DeliveryStatus, deliveryStatuses } from '../../../server/contracts/webhooks';
import { formatDateTime } from '../format';
import { queryClient, trpc } from '../trpc';
import { Pager } from '../ui/Pager';
import { ErrorBox, InlineError, Loading } from '../ui/States';
import { useCursorPager } from '../ui/useCursorPager';

const PAGE = 50;

export function DeliveryLog({ endpointId }: { endpointId: number }) {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const pager = useCursorPager<number>(`${endpointId}:${status}`);
  const q = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ endpointId, status: status || undefined, limit: PAGE, cursor: pager.cursor }),
    refetchInterval: 5_000,
  });
  const resend = useMutation(trpc.webhooks.resend.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.pathKey() }) }));
  return (
    <div className="delivery-log">
      <div className="buttons">
        <label>
          Show{' '}
          <select aria-label="Delivery status" value={status} onChange={(e) => setStatus(e.target.value as DeliveryStatus | '')}>
            <option value="">all</option>
            {deliveryStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={resend.isPending} onClick={() => resend.mutate({ endpointId, allFailed: true })}>
          Resend all failed
        </button>
      </div>
      <InlineError error={resend.error} />
      {q.isPending ? (
        <Loading what="deliveries" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : (
        <>
          <table className="list deliveries">
            <thead>
              <tr>
                <th>Event</th>
                <th>Status</th>
                <th>Tries</th>
                <th>Code</th>
                <th>Took</th>
                <th>Last try</th>
                <th>Next try</th>
                <th>Error</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((d) => (
                <tr key={d.id}>
                  <td title={d.msgId}>
                    <code>{d.type}</code>
                  </td>
                  <td>
                    <span className={`tag delivery-${d.status}`}>{d.status}</span>
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatusCode ?? '—'}</td>
                  <td>{d.lastDurationMs === null ? '—' : `${d.lastDurationMs} ms`}</td>
                  <td>{d.lastAttemptAt === null ? '—' : formatDateTime(d.lastAttemptAt)}</td>
                  <td>{d.nextAttemptAt === null ? '—' : formatDateTime(d.nextAttemptAt)}</td>
                  <td className="muted">{d.lastError ?? ''}</td>
                  <td className="row-actions">
                    {d.status === 'failed' ? (
                      <button type="button" disabled={resend.isPending} onClick={() => resend.mutate({ deliveryId: d.id })}>
                        Resend
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pager={pager} count={q.data.items.length} pageSize={PAGE} nextCursor={q.data.nextCursor} busy={q.isFetching} />
        </>
      )}
    </div>
  );
}
