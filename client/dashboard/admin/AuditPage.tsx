// Admin: the audit log, newest first, filtered by kind of record, record id and who did it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { collectPages } from '../csv';
import { api, trpc } from '../trpc';
import { EXPORT_MAX_ROWS, ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { Pager } from '../ui/Pager';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useCursorPager } from '../ui/useCursorPager';
import { useFilters } from '../ui/useFilters';
import { auditColumns, AuditTable } from './AuditTable';

const PAGE = 100;
const entities = ['customer', 'lead', 'order', 'service_request', 'user', 'export', 'import'];

export function AuditPage() {
  const [filters, setFilters] = useFilters(['entity', 'entityId', 'actor'] as const);
  const users = useQuery(trpc.users.list.queryOptions(undefined, { staleTime: 60_000 }));
  const actorId = Number(filters.actor) || undefined;
  const input = { entity: filters.entity || undefined, entityId: filters.entityId.trim() || undefined, actorId };
  const pager = useCursorPager<number>(JSON.stringify(input));
  const q = useQuery(trpc.audit.list.queryOptions({ ...input, limit: PAGE, cursor: pager.cursor }, { placeholderData: keepPreviousData }));
  const filtered = Boolean(input.entity || input.entityId || input.actorId);
  return (
    <section>
      <PageHeader
        title="Audit log"
        intro="Who changed what and when: customers, leads, orders, requests, users, imports, exports and erasures. Entries never hold a customer’s personal data."
        actions={<ExportButton list="audit" columns={auditColumns} rows={() => collectPages((cursor: number | null) => api.audit.list.query({ ...input, limit: 500, cursor }), EXPORT_MAX_ROWS)} />}
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <label>
          Record
          <select value={filters.entity} onChange={(e) => setFilters({ entity: e.target.value })}>
            <option value="">all kinds</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e.replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Record id
          <input inputMode="numeric" size={8} value={filters.entityId} onChange={(e) => setFilters({ entityId: e.target.value })} />
        </label>
        <label>
          Who
          <select value={filters.actor} onChange={(e) => setFilters({ actor: e.target.value })}>
            <option value="">anyone (staff, command line, showroom)</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <button type="button" className="link" onClick={() => setFilters({ entity: '', entityId: '', actor: '' })}>
            Clear filters
          </button>
        ) : null}
      </form>
      {q.isPending ? (
        <Loading what="the audit log" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <Empty title={filtered ? 'No entry matches these filters.' : 'The audit log is empty.'} />
      ) : (
        <>
          <AuditTable entries={q.data.items} />
          <Pager pager={pager} count={q.data.items.length} pageSize={PAGE} nextCursor={q.data.nextCursor} busy={q.isFetching} />
        </>
      )}
    </section>
  );
}
