// One lead on the board: what, who, how much, whose; drag it or use its buttons to change its stage.
import { formatAgo, formatMoney } from '../format';
import { AppLink } from '../ui/AppLink';
import { neighbours, stageLabel, type LeadRow, type LeadStage } from './stages';

export function LeadCard({ lead, canMove, onMove, onTake, meId }: { lead: LeadRow; canMove: boolean; onMove: (stage: LeadStage) => void; onTake?: () => void; meId: number }) {
  const { back, forward } = neighbours(lead.stage);
  return (
    <article
      className="lead-card"
      draggable={canMove}
      aria-label={lead.title}
      data-lead-id={lead.id}
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-lead-id', String(lead.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <AppLink to={`/leads/${lead.id}`} className="lead-title">
        {lead.title}
      </AppLink>
      <div className="lead-customer">{lead.customerName || (lead.customerId ? 'unnamed customer' : <span className="muted">anonymous visitor</span>)}</div>
      <div className="lead-facts">
        <strong>{formatMoney(lead.value, lead.currency)}</strong>
        <span className="muted" title="in this stage since">
          {formatAgo(lead.stageChangedAt)}
        </span>
      </div>
      {lead.lostReason ? <div className="lost-reason">Lost: {lead.lostReason}</div> : null}
      <div className="lead-owner">
        {lead.assigneeName ? <span>{lead.assigneeId === meId ? 'Mine' : lead.assigneeName}</span> : <span className="muted">unassigned</span>}
        {onTake && lead.assigneeId === null ? (
          <button type="button" className="link" onClick={onTake} aria-label={`Take “${lead.title}”`}>
            Take
          </button>
        ) : null}
      </div>
      {canMove ? (
        <div className="lead-moves">
          {back ? (
            <button type="button" onClick={() => onMove(back)} aria-label={`Move “${lead.title}” back to ${stageLabel[back]}`} title={`Back to ${stageLabel[back]}`}>
              ←
            </button>
          ) : null}
          {forward ? (
            <button type="button" onClick={() => onMove(forward)} aria-label={`Move “${lead.title}” to ${stageLabel[forward]}`} title={`To ${stageLabel[forward]}`}>
              {lead.stage === 'lost' ? 'Reopen' : '→'}
            </button>
          ) : null}
          {lead.stage !== 'lost' ? (
            <button type="button" className="lose" onClick={() => onMove('lost')} aria-label={`Mark “${lead.title}” as lost`}>
              Lost…
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
