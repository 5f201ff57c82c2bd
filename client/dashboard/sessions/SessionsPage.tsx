// The list of customer sessions, newest first, filtered and a page at a time.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { collectPages } from '../csv';
import { api, trpc } from '../trpc';
import { EXPORT_MAX_ROWS, ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { useProductNames } from '../ui/useCatalog';
import { Pager } from '../ui/Pager';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useCursorPager } from '../ui/useCursorPager';
import { useFilters } from '../ui/useFilters';
import { SessionFilters, sessionFilterKeys } from './SessionFilters';
import { sessionColumns, sessionInput } from './sessionQuery';
import { SessionsTable } from './SessionsTable';

const PAGE = 50;

export function SessionsPage() {
  const [filters, setFilters] = useFilters(sessionFilterKeys);
  const input = sessionInput(filters);
  const pager = useCursorPager<{ startedAt: number; id: string }>(JSON.stringify(input));
  const q = useQuery(trpc.staff.sessions.queryOptions({ ...input, limit: PAGE, cursor: pager.cursor }, { placeholderData: keepPreviousData, refetchInterval: 10_000 }));
  const filtered = Object.values(filters).some(Boolean);
  const productName = useProductNames();
  return (
    <section>
      <PageHeader
        title="Sessions"
        intro="Every visit to the showroom, newest first. Open one to see what the customer did, step by step."
        actions={<ExportButton list="sessions" columns={sessionColumns((id) => productName(id))} rows={() => collectPages((cursor: { startedAt: number; id: string } | null) => api.staff.sessions.query({ ...input, limit: 200, cursor }), EXPORT_MAX_ROWS)} />}
      />
      <SessionFilters values={filters} set={setFilters} />
      {q.isPending ? (
        <Loading what="sessions" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        filtered ? (
          <Empty title="No session matches these filters.">Widen the dates or clear the filters.</Empty>
        ) : (
          <Empty title="No sessions yet.">They appear here as soon as a customer opens the showroom.</Empty>
        )
      ) : (
        <>
          <SessionsTable sessions={q.data.items} />
          <Pager pager={pager} count={q.data.items.length} pageSize={PAGE} nextCursor={q.data.nextCursor} busy={q.isFetching} />
        </>
      )}
    </section>
  );
}
