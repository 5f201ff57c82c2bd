// The sales pipeline as a board: one column per stage with counts and values; move leads by dragging or with buttons.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { collectPages, type CsvColumn } from '../csv';
import { AssigneeFilter, parseAssignee } from './AssigneeFilter';
import { invalidateCrm } from '../followups/invalidate';
import { formatAmounts, formatDateTime } from '../format';
import { canWrite, useMe } from '../me';
import { api, queryClient, trpc } from '../trpc';
import { EXPORT_MAX_ROWS, ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { ErrorBox, InlineError } from '../ui/States';
import { useFilters } from '../ui/useFilters';
import { LeadColumn } from './LeadColumn';
import { LostDialog } from './LostDialog';
import { leadStages, type LeadRow } from './stages';
import { useMoveLead } from './useMoveLead';

export const leadColumns: CsvColumn<LeadRow>[] = [
  { header: 'Id', value: (l) => l.id },
  { header: 'Title', value: (l) => l.title },
  { header: 'Stage', value: (l) => l.stage },
  { header: 'Probability', value: (l) => l.probability },
  { header: 'Value', value: (l) => l.value },
  { header: 'Currency', value: (l) => l.currency },
  { header: 'Customer', value: (l) => l.customerName ?? (l.customerId ? '' : 'anonymous visitor') },
  { header: 'Customer email', value: (l) => l.customerEmail },
  { header: 'Assignee', value: (l) => l.assigneeName },
  { header: 'Source', value: (l) => l.source },
  { header: 'Lost reason', value: (l) => l.lostReason },
  { header: 'Created', value: (l) => formatDateTime(l.createdAt) },
  { header: 'In stage since', value: (l) => formatDateTime(l.stageChangedAt) },
];

export function LeadsBoard() {
  const me = useMe();
  const [filters, setFilters] = useFilters(['assignee', 'q'] as const);
  const [typed, setTyped] = useState(filters.q);
  useEffect(() => {
    const t = setTimeout(() => typed !== filters.q && setFilters({ q: typed.trim() }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new keystroke restarts the delay
  }, [typed]);
  const assignee = parseAssignee(filters.assignee);
  const filter = { assignee, search: filters.q || undefined };
  const totals = useQuery(trpc.leads.totals.queryOptions({ assignee }, { refetchInterval: 20_000 }));
  const mover = useMoveLead();
  const take = useMutation(trpc.leads.update.mutationOptions({ onSuccess: invalidateCrm }));
  const writable = canWrite(me);
  const open = totals.data?.filter((t) => !['won', 'lost'].includes(t.stage)) ?? [];
  const sum = (key: 'value' | 'weighted') =>
    open.reduce<Record<string, number>>((acc, t) => {
      for (const [c, v] of Object.entries(t[key])) acc[c] = Math.round(((acc[c] ?? 0) + v) * 100) / 100;
      return acc;
    }, {});
  /** A drop: find the lead in the columns' cached lists, then move it. */
  const dropLead = (id: number, stage: (typeof leadStages)[number]) => {
    const all = queryClient.getQueriesData<{ items: LeadRow[] }>({ queryKey: trpc.leads.list.queryKey() });
    const lead = all.flatMap(([, d]) => d?.items ?? []).find((l) => l.id === id);
    if (lead) mover.to(lead, stage);
  };
  return (
    <section className="board-page">
      <PageHeader
        title="Leads"
        intro={
          me.role === 'sales'
            ? 'Your leads and the unassigned ones, by stage. Drag a card to another column, or use its arrow buttons.'
            : 'Every lead by stage. ' + (writable ? 'Drag a card to another column, or use its arrow buttons.' : 'You can look but not change anything.')
        }
        actions={<ExportButton list="leads" columns={leadColumns} rows={() => collectPages((cursor: { updatedAt: number; id: number } | null) => api.leads.list.query({ ...filter, limit: 200, cursor }), EXPORT_MAX_ROWS)} />}
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="grow">
          Search
          <input type="search" placeholder="Title, customer name, email or company" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <AssigneeFilter value={filters.assignee} onChange={(v) => setFilters({ assignee: v })} />
        {totals.data ? (
          <p className="pipeline-sum" aria-live="polite">
            Open pipeline <strong>{formatAmounts(sum('value'))}</strong> · weighted <strong>{formatAmounts(sum('weighted'))}</strong>
          </p>
        ) : null}
      </form>
      {totals.isError ? <ErrorBox error={totals.error} retry={() => void totals.refetch()} /> : null}
      <InlineError error={mover.move.error ?? take.error} />
      <div className="board">
        {leadStages.map((stage) => (
          <LeadColumn
            key={stage}
            stage={stage}
            filter={filter}
            total={totals.data?.find((t) => t.stage === stage)}
            canMove={writable}
            meId={me.id}
            onMove={mover.to}
            onTake={writable ? (lead) => take.mutate({ id: lead.id, assigneeId: me.id }) : undefined}
            onDropLead={dropLead}
          />
        ))}
      </div>
      <LostDialog lead={mover.askLost} busy={mover.move.isPending} error={mover.move.error} onCancel={mover.cancelLost} onConfirm={mover.lose} />
    </section>
  );
}
