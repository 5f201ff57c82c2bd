// A customer's profile: details and consent, leads, cart and wishlist, quotes and orders, tasks, notes, requests, sessions, audit.
import { useQuery } from '@tanstack/react-query';
import { AuditTable } from '../admin/AuditTable';
import { NotesCard } from '../followups/NotesCard';
import { TasksCard } from '../followups/TasksCard';
import { formatAgo } from '../format';
import { isAdmin, useMe } from '../me';
import { RequestsTable } from '../requests/RequestsTable';
import { SessionsTable } from '../sessions/SessionsTable';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Card } from '../ui/Card';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { CartCard } from './CartCard';
import { CustomerDetails } from './CustomerDetails';
import { CustomerLeads } from './CustomerLeads';
import { OrdersCard } from './OrdersCard';
import { PrivacyActions } from './PrivacyActions';

export function CustomerPage({ id }: { id: number }) {
  const me = useMe();
  const valid = Number.isInteger(id) && id > 0;
  const q = useQuery(trpc.customers.get.queryOptions({ id }, { enabled: valid }));
  const sessions = useQuery(trpc.customers.sessions.queryOptions({ id, limit: 20 }, { enabled: q.isSuccess }));
  const requests = useQuery(trpc.serviceRequests.list.queryOptions({ customerId: id, status: 'all', limit: 50 }, { enabled: q.isSuccess }));
  const audit = useQuery(trpc.audit.list.queryOptions({ entity: 'customer', entityId: String(id), limit: 50 }, { enabled: q.isSuccess && isAdmin(me) }));
  const back = (
    <AppLink to="/customers" className="back">
      ← All customers
    </AppLink>
  );
  if (!valid) return <Empty title="There is no such customer." />;
  if (q.isPending) return <Loading what="the customer" />;
  if (q.isError) return <>{back}<ErrorBox error={q.error} retry={() => void q.refetch()} /></>;
  const c = q.data.customer;
  const lastSeen = sessions.data?.items[0]?.lastSeenAt;
  return (
    <section>
      {back}
      <PageHeader
        title={c.name || c.email || c.phone || `Customer ${c.id}`}
        intro={[c.company, c.email, lastSeen ? `last in the showroom ${formatAgo(lastSeen)}` : 'never in the showroom'].filter(Boolean).join(' · ')}
        actions={isAdmin(me) ? <PrivacyActions customer={c} /> : null}
      />
      <div className="columns">
        <div className="col">
          <CustomerDetails profile={q.data} />
          <CustomerLeads profile={q.data} />
          <CartCard profile={q.data} />
          <OrdersCard customerId={c.id} />
        </div>
        <div className="col">
          <TasksCard subject={{ customerId: c.id }} />
          <NotesCard subject={{ customerId: c.id }} />
          <Card title="Requests for a salesperson">
            {requests.data?.items.length ? <RequestsTable requests={requests.data.items} compact /> : requests.isError ? <ErrorBox error={requests.error} /> : <Empty title="None." />}
          </Card>
        </div>
      </div>
      <Card title="Showroom sessions">
        {sessions.isPending ? (
          <Loading what="sessions" />
        ) : sessions.isError ? (
          <ErrorBox error={sessions.error} />
        ) : sessions.data.items.length === 0 ? (
          <Empty title="No sessions linked.">Sessions appear here once the customer’s browser sent the contact form.</Empty>
        ) : (
          <SessionsTable sessions={sessions.data.items} showCustomer={false} />
        )}
      </Card>
      {isAdmin(me) ? (
        <Card title="Audit trail">
          {audit.isPending ? <Loading what="the audit trail" /> : audit.isError ? <ErrorBox error={audit.error} /> : audit.data.items.length === 0 ? <Empty title="No entries." /> : <AuditTable entries={audit.data.items} showEntity={false} />}
        </Card>
      ) : null}
    </section>
  );
}
