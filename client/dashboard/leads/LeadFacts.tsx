// A lead's facts with editing: title, value (fixed or following the cart) and who works on it.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { AssigneeSelect } from '../followups/AssigneeSelect';
import { invalidateCrm } from '../followups/invalidate';
import { formatDateTime, formatMoney } from '../format';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Card } from '../ui/Card';
import { InlineError } from '../ui/States';
import type { LeadRow } from './stages';

export function LeadFacts({ lead }: { lead: LeadRow }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(lead.title);
  const [value, setValue] = useState(lead.valueManual ? String(lead.value) : '');
  const update = useMutation(trpc.leads.update.mutationOptions({ onSuccess: () => (setEditing(false), invalidateCrm()) }));
  const assign = useMutation(trpc.leads.update.mutationOptions({ onSuccess: invalidateCrm }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id: lead.id, title, value: value.trim() === '' ? (lead.customerId ? null : undefined) : Number(value) });
  };
  return (
    <Card
      title="Lead"
      actions={
        canWrite(me) && !editing ? (
          <button type="button" onClick={() => (setTitle(lead.title), setValue(lead.valueManual ? String(lead.value) : ''), setEditing(true))}>
            Edit
          </button>
        ) : null
      }
    >
      {editing ? (
        <form className="form" onSubmit={submit} aria-label="Edit lead">
          <label>
            Title
            <input required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Value in {lead.currency} (empty: follow the customer’s cart)
            <input type="number" min={0} step="0.01" value={value} onChange={(e) => setValue(e.target.value)} />
          </label>
          <InlineError error={update.error} />
          <div className="buttons">
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={update.isPending}>
              Save
            </button>
          </div>
        </form>
      ) : (
        <dl className="facts">
          <dt>Customer</dt>
          <dd>{lead.customerId ? <AppLink to={`/customers/${lead.customerId}`}>{lead.customerName || 'unnamed customer'}</AppLink> : <span className="muted">anonymous visitor (has not said who they are)</span>}</dd>
          <dt>Value</dt>
          <dd>
            {formatMoney(lead.value, lead.currency)} <span className="muted">{lead.valueManual ? 'set by staff' : 'from the cart'}</span>
          </dd>
          <dt>Chance</dt>
          <dd>{Math.round(lead.probability * 100)} %</dd>
          <dt>Source</dt>
          <dd>{lead.source}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(lead.createdAt)}</dd>
          <dt>In stage since</dt>
          <dd>{formatDateTime(lead.stageChangedAt)}</dd>
          {lead.lostReason ? (
            <>
              <dt>Lost because</dt>
              <dd>{lead.lostReason}</dd>
            </>
          ) : null}
        </dl>
      )}
      {canWrite(me) ? (
        <div className="form">
          <AssigneeSelect label="Assigned to" value={lead.assigneeId} disabled={assign.isPending} onChange={(id) => assign.mutate({ id: lead.id, assigneeId: id })} />
          <InlineError error={assign.error} />
        </div>
      ) : (
        <p>Assigned to {lead.assigneeName ?? 'nobody'}</p>
      )}
    </Card>
  );
}
