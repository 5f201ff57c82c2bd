// The customer's leads (those the caller may see) and a button to open a new one.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { invalidateCrm } from '../followups/invalidate';
import { formatMoney } from '../format';
import { stageLabel } from '../leads/stages';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { Card } from '../ui/Card';
import { Empty, InlineError } from '../ui/States';
import type { CustomerProfile } from './customerTypes';

export function CustomerLeads({ profile }: { profile: CustomerProfile }) {
  const me = useMe();
  const [title, setTitle] = useState('');
  const [adding, setAdding] = useState(false);
  const create = useMutation(trpc.leads.create.mutationOptions({ onSuccess: () => (setTitle(''), setAdding(false), invalidateCrm()) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ customerId: profile.customer.id, title });
  };
  return (
    <Card
      title="Leads"
      actions={
        canWrite(me) && !adding ? (
          <button type="button" onClick={() => setAdding(true)}>
            New lead
          </button>
        ) : null
      }
    >
      {adding ? (
        <form className="form inline-form" onSubmit={submit} aria-label="New lead">
          <label className="grow">
            Title
            <input required autoFocus maxLength={200} placeholder="e.g. Living room furniture" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <button type="button" onClick={() => setAdding(false)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.isPending || !title.trim()}>
            Create
          </button>
          <InlineError error={create.error} />
        </form>
      ) : null}
      {profile.leads.length === 0 ? (
        <Empty title="No leads." />
      ) : (
        <ul className="rows">
          {profile.leads.map((l) => (
            <li key={l.id}>
              <AppLink to={`/leads/${l.id}`}>{l.title}</AppLink>
              <span className={`tag stage-${l.stage}`}>{stageLabel[l.stage]}</span>
              <span>{formatMoney(l.value, l.currency)}</span>
              <span className="muted">{l.assigneeName ?? 'unassigned'}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
