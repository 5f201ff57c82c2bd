// One lead: its stage, facts, products of interest, notes, tasks, requests and the showroom sessions behind it.
import { useQuery } from '@tanstack/react-query';
import { NotesCard } from '../followups/NotesCard';
import { TasksCard } from '../followups/TasksCard';
import { canWrite, useMe } from '../me';
import { RequestsTable } from '../requests/RequestsTable';
import { SessionsTable } from '../sessions/SessionsTable';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Card } from '../ui/Card';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, InlineError, Loading } from '../ui/States';
import { LeadFacts } from './LeadFacts';
import { LeadProducts } from './LeadProducts';
import { LostDialog } from './LostDialog';
import { StageBar } from './StageBar';
import { stageLabel } from './stages';
import { useMoveLead } from './useMoveLead';

export function LeadPage({ id }: { id: number }) {
  const me = useMe();
  const q = useQuery(trpc.leads.get.queryOptions({ id }, { enabled: Number.isInteger(id) && id > 0 }));
  const sessions = useQuery(trpc.leads.sessions.queryOptions({ id, limit: 20 }, { enabled: q.isSuccess }));
  const requests = useQuery(trpc.serviceRequests.list.queryOptions({ leadId: id, status: 'all', limit: 50 }, { enabled: q.isSuccess }));
  const mover = useMoveLead();
  const back = (
    <AppLink to="/leads" className="back">
      ← Pipeline
    </AppLink>
  );
  if (!Number.isInteger(id) || id <= 0) return <Empty title="There is no such lead." />;
  if (q.isPending) return <Loading what="the lead" />;
  if (q.isError) return <>{back}<ErrorBox error={q.error} retry={() => void q.refetch()} /></>;
  const { lead, products } = q.data;
  return (
    <section>
      {back}
      <PageHeader title={lead.title} intro={`${stageLabel[lead.stage]} · ${lead.customerName ?? 'anonymous visitor'}${lead.assigneeName ? ` · ${lead.assigneeName}` : ' · unassigned'}`} />
      <StageBar stage={lead.stage} disabled={!canWrite(me) || mover.move.isPending} onMove={(s) => mover.to(lead, s)} />
      <InlineError error={mover.move.error} />
      <div className="columns">
        <div className="col">
          <LeadFacts key={lead.updatedAt} lead={lead} />
          <LeadProducts products={products} />
          <Card title="Requests for a salesperson">
            {requests.data?.items.length ? <RequestsTable requests={requests.data.items} compact /> : requests.isError ? <ErrorBox error={requests.error} /> : <Empty title="None for this lead." />}
          </Card>
        </div>
        <div className="col">
          <TasksCard subject={{ leadId: lead.id }} />
          <NotesCard subject={{ leadId: lead.id }} />
        </div>
      </div>
      <Card title="Showroom sessions">
        {sessions.isPending ? <Loading what="sessions" /> : sessions.isError ? <ErrorBox error={sessions.error} /> : sessions.data.length === 0 ? <Empty title="No sessions recorded." /> : <SessionsTable sessions={sessions.data} showCustomer={false} />}
      </Card>
      <LostDialog lead={mover.askLost} busy={mover.move.isPending} error={mover.move.error} onCancel={mover.cancelLost} onConfirm={mover.lose} />
    </section>
  );
}
