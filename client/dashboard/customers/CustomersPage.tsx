// The customer list: search, source filter, pages, CSV export and (for sales and admins) a new customer.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { collectPages } from '../csv';
import { oneOf } from '../sessions/sessionQuery';
import { formatAgo } from '../format';
import { canWrite, useMe } from '../me';
import { api, trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Dialog } from '../ui/Dialog';
import { EXPORT_MAX_ROWS, ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { Pager } from '../ui/Pager';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useCursorPager } from '../ui/useCursorPager';
import { useFilters } from '../ui/useFilters';
import { useTypedFilter } from '../ui/useTypedFilter';
import { CustomerForm } from './CustomerForm';
import { customerColumns } from './customerTypes';

const PAGE = 50;

export function CustomersPage() {
  const me = useMe();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useFilters(['q', 'source', 'erased'] as const);
  const [typed, setTyped] = useTypedFilter(filters.q, (q) => setFilters({ q }));
  const [creating, setCreating] = useState(false);
  const input = { search: filters.q || undefined, source: oneOf(filters.source, ['showroom', 'import', 'staff'] as const) };
  const pager = useCursorPager<{ updatedAt: number; id: number }>(JSON.stringify(input));
  const q = useQuery(trpc.customers.list.queryOptions({ ...input, limit: PAGE, cursor: pager.cursor }, { placeholderData: keepPreviousData }));
  return (
    <section>
      <PageHeader
        title="Customers"
        intro="Everyone who sent the showroom's contact form, was imported or added by staff. Most recently changed first."
        actions={
          <>
            <ExportButton list="customers" columns={customerColumns} rows={() => collectPages((cursor: { updatedAt: number; id: number } | null) => api.customers.list.query({ ...input, limit: 200, cursor }), EXPORT_MAX_ROWS)} />
            {canWrite(me) ? (
              <button type="button" className="primary" onClick={() => setCreating(true)}>
                New customer
              </button>
            ) : null}
          </>
        }
      />
      {filters.erased ? (
        <p className="notice" role="status">
          Customer {filters.erased} was erased with everything linked to them.{' '}
          <button type="button" className="link" onClick={() => setFilters({ erased: '' })}>
            Dismiss
          </button>
        </p>
      ) : null}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          Search
          <input type="search" placeholder="Name, email, phone or company" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <label>
          Source
          <select value={filters.source} onChange={(e) => setFilters({ source: e.target.value })}>
            <option value="">all sources</option>
            <option value="showroom">showroom form</option>
            <option value="import">import</option>
            <option value="staff">added by staff</option>
          </select>
        </label>
      </form>
      {q.isPending ? (
        <Loading what="customers" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        input.search || input.source ? (
          <Empty title="No customer matches.">Check the spelling, or search for part of the email address.</Empty>
        ) : (
          <Empty title="No customers yet.">A visitor becomes a customer when they send the showroom's contact form.</Empty>
        )
      ) : (
        <>
          <table className="list customers">
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Phone</th>
                <th>Company</th>
                <th className="num">Open leads</th>
                <th>Last seen</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <AppLink to={`/customers/${c.id}`}>{c.name || <em>no name</em>}</AppLink>
                  </td>
                  <td>{c.email}</td>
                  <td>{c.phone}</td>
                  <td>{c.company}</td>
                  <td className="num">{c.openLeads || ''}</td>
                  <td>{c.lastSeenAt ? formatAgo(c.lastSeenAt) : <span className="muted">never</span>}</td>
                  <td>{c.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager pager={pager} count={q.data.items.length} pageSize={PAGE} nextCursor={q.data.nextCursor} busy={q.isFetching} />
        </>
      )}
      <Dialog open={creating} title="New customer" onClose={() => setCreating(false)}>
        <CustomerForm onDone={(c) => (setCreating(false), c && navigate(`/customers/${c.id}`))} />
      </Dialog>
    </section>
  );
}
