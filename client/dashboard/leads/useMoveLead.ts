// Moving a lead to another stage: straight away, or (to lost) after asking for the reason.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { invalidateCrm } from '../followups/invalidate';
import { trpc } from '../trpc';
import type { LeadRow, LeadStage } from './stages';

export function useMoveLead() {
  const [askLost, setAskLost] = useState<LeadRow | null>(null);
  const move = useMutation(trpc.leads.moveStage.mutationOptions({ onSuccess: invalidateCrm }));
  return {
    move,
    /** The lead waiting for a lost reason, if any. */
    askLost,
    cancelLost: () => setAskLost(null),
    /** Moves `lead` to `stage`; `lost` opens the reason dialog first. */
    to(lead: LeadRow, stage: LeadStage) {
      if (stage === lead.stage) return;
      if (stage === 'lost') setAskLost(lead);
      else move.mutate({ id: lead.id, stage });
    },
    lose(lead: LeadRow, reason: string) {
      move.mutate({ id: lead.id, stage: 'lost', lostReason: reason }, { onSuccess: () => setAskLost(null) });
    },
  };
}
