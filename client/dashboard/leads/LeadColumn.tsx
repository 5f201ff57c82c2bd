// One stage of the board: its totals, its leads, and a drop target for dragged leads.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatAmounts } from '../format';
import { trpc } from '../trpc';
import { ErrorBox } from '../ui/States';
import { LeadCard } from './LeadCard';
import { stageLabel, type LeadRow, type LeadStage } from './stages';

export const COLUMN_LIMIT = 100;

const leadCount = (n: number | undefined) => (n === undefined ? '…' : n === 1 ? '1 lead' : `${n} leads`);

export interface ColumnProps {
  stage: LeadStage;
  filter: { assignee?: number | 'me' | 'unassigned' | undefined; search?: string | undefined };
  total: { count: number; value: Record<string, number>; weighted: Record<string, number>; probability: number } | undefined;
  canMove: boolean;
  meId: number;
  onMove: (lead: LeadRow, stage: LeadStage) => void;
  onTake?: (lead: LeadRow) => void;
  /** Finds a lead on the board by id (for drops from another column). */
  onDropLead: (id: number, stage: LeadStage) => void;
}

export function LeadColumn({ stage, filter, total, canMove, meId, onMove, onTake, onDropLead }: ColumnProps) {
  const q = useQuery(trpc.leads.list.queryOptions({ stage, ...filter, limit: COLUMN_LIMIT }, { refetchInterval: 20_000 }));
  const [over, setOver] = useState(false);
  const shown = q.data?.items.length ?? 0;
  const filtered = Boolean(filter.search || filter.assignee);
  return (
    <section
      className={`lead-column stage-${stage}${over ? ' drop-over' : ''}`}
      aria-label={`${stageLabel[stage]} leads`}
      data-stage={stage}
      onDragOver={(e) => {
        if (!canMove || !e.dataTransfer.types.includes('application/x-lead-id')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = Number(e.dataTransfer.getData('application/x-lead-id'));
        if (id) {
          e.preventDefault();
          onDropLead(id, stage);
        }
      }}
    >
      <header className="column-header">
        <h2>
          {stageLabel[stage]} <span className="prob">{Math.round((total?.probability ?? 0) * 100)} %</span>
        </h2>
        <div className="column-totals">
          <span className="count">{leadCount(filtered ? shown : total?.count)}</span>
          <span className="value">{total && !filtered ? formatAmounts(total.value) : ''}</span>
        </div>
      </header>
      <div className="column-body">
        {q.isError ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : null}
        {q.data?.items.map((lead) => (
          <LeadCard key={lead.id} lead={lead} canMove={canMove} meId={meId} onMove={(s) => onMove(lead, s)} onTake={onTake ? () => onTake(lead) : undefined} />
        ))}
        {q.data && shown === 0 ? <p className="column-empty">{canMove ? 'Drop a lead here' : 'None'}</p> : null}
        {q.data?.nextCursor ? <p className="hint">Showing the {COLUMN_LIMIT} most recently changed; search to find others.</p> : null}
      </div>
    </section>
  );
}
