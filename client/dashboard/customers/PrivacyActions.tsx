// Admin-only: download everything stored about a customer as JSON, or erase the customer everywhere after confirming.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { downloadText } from '../csv';
import { invalidateCrm } from '../followups/invalidate';
import { localDay } from '../format';
import { trpc } from '../trpc';
import { Dialog } from '../ui/Dialog';
import { InlineError } from '../ui/States';
import type { Customer } from './customerTypes';

export function PrivacyActions({ customer }: { customer: Customer }) {
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const expected = customer.email ?? customer.phone ?? String(customer.id);
  const exportData = useMutation(
    trpc.customers.exportData.mutationOptions({
      onSuccess: (data) => {
        downloadText(`customer-${customer.id}-${localDay()}.json`, JSON.stringify(data, null, 2), 'application/json');
        void invalidateCrm();
      },
    }),
  );
  const erase = useMutation(
    trpc.customers.erase.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        navigate(`/customers?erased=${customer.id}`);
        // After the profile has gone from the screen, so that nothing asks for the erased customer again.
        setTimeout(() => void invalidateCrm(), 0);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim().toLowerCase() === expected.toLowerCase()) erase.mutate({ id: customer.id });
  };
  return (
    <>
      <button type="button" disabled={exportData.isPending} onClick={() => exportData.mutate({ id: customer.id })}>
        {exportData.isPending ? 'Exporting…' : 'Export data (JSON)'}
      </button>
      <button type="button" className="danger-button" onClick={() => (setTyped(''), setConfirming(true))}>
        Erase customer…
      </button>
      <InlineError error={exportData.error} />
      <Dialog open={confirming} title={`Erase ${customer.name || 'this customer'}?`} onClose={() => setConfirming(false)}>
        <form className="form" onSubmit={submit}>
          <p>
            This deletes the customer and everything linked to them: their browsers, sessions, events and pose data, carts, wishlists, leads, notes, tasks, quotes,
            orders and service requests. <strong>It cannot be undone.</strong> Export their data first if they asked for a copy.
          </p>
          <label>
            Type <strong className="mono">{expected}</strong> to confirm
            <input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} />
          </label>
          <InlineError error={erase.error} />
          <div className="buttons">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="submit" className="danger-button" disabled={erase.isPending || typed.trim().toLowerCase() !== expected.toLowerCase()}>
              {erase.isPending ? 'Erasing…' : 'Erase everything'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
