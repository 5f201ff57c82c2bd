// Service requests: customers who asked for a salesperson, open ones first; close them when handled.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { collectPages } from '../csv';
import { api, trpc } from '../trpc';
import { EXPORT_MAX_ROWS, ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { Pager } from '../ui/Pager';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useCursorPager } from '../ui/useCursorPager';
import { useFilters } from '../ui/useFilters';
import { requestColumns, RequestsTable } from './RequestsTable';

const PAGE = 50;
const tabs = [
  ['open', 'Open'],
  ['closed', 'Closed'],
  ['all', 'All'],
] as const;

export function RequestsPage() {
  const [filters, setFilters] = useFilters(['status'] as const);
  const status = filters.status === 'closed' || filters.status === 'all' ? filters.status : 'open';
  const pager = useCursorPager<number>(status);
  const q = useQuery(trpc.serviceRequests.list.queryOptions({ status, limit: PAGE, cursor: pager.cursor }, { placeholderData: keepPreviousData, refetchInterval: 15_000 }));
  return (
    <section>
      <PageHeader
        title="Service requests"
        intro="Customers who pressed “Ask a salesperson” in the showroom. Close a request once someone has helped them."
        actions={<ExportButton list={`service-requests-${status}`} columns={requestColumns} rows={() => collectPages((cursor: number | null) => api.serviceRequests.list.query({ status, limit: 200, cursor }), EXPORT_MAX_ROWS)} />}
      />
      <div className="tabs" role="tablist" aria-label="Status">
        {tabs.map(([value, label]) => (
          <button key={value} type="button" role="tab" aria-selected={status === value} className={status === value ? 'active' : ''} onClick={() => setFilters({ status: value === 'open' ? '' : value })}>
            {label}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <Loading what="requests" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty title={status === 'open' ? 'No open requests. Nobody is waiting.' : 'No requests here.'}>
          Requests arrive when a customer asks for a salesperson in the showroom.
        </Empty>
      ) : (
        <>
          <RequestsTable requests={q.data.items} />
          <Pager pager={pager} count={q.data.items.length} pageSize={PAGE} nextCursor={q.data.nextCursor} busy={q.isFetching} />
        </>
      )}
    </section>
  );
}
