// Asks why a lead was lost before moving it to the lost stage.
import { type FormEvent, useState } from 'react';
import { Dialog } from '../ui/Dialog';
import { InlineError } from '../ui/States';
import type { LeadRow } from './stages';

const common = ['Price too high', 'Bought elsewhere', 'Delivery time too long', 'No longer needed', 'No answer'];

export function LostDialog({ lead, busy, error, onCancel, onConfirm }: { lead: LeadRow | null; busy: boolean; error: unknown; onCancel: () => void; onConfirm: (lead: LeadRow, reason: string) => void }) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (lead && reason.trim()) onConfirm(lead, reason.trim());
  };
  return (
    <Dialog open={lead !== null} title={`Mark “${lead?.title ?? ''}” as lost`} onClose={() => (setReason(''), onCancel())}>
      <form className="form" onSubmit={submit}>
        <label>
          Why was it lost?
          <input required autoFocus maxLength={500} list="lost-reasons" value={reason} onChange={(e) => setReason(e.target.value)} />
          <datalist id="lost-reasons">
            {common.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
        <InlineError error={error} />
        <div className="buttons">
          <button type="button" onClick={() => (setReason(''), onCancel())}>
            Cancel
          </button>
          <button type="submit" className="danger-button" disabled={busy || !reason.trim()}>
            Mark as lost
          </button>
        </div>
      </form>
    </Dialog>
  );
}
