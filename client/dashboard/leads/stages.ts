// Pipeline stages as the board shows them, and where the move buttons take a lead from each stage.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api';
import { leadStages, type LeadStage } from '../../../server/contracts/leads';

export type LeadRow = inferRouterOutputs<AppRouter>['leads']['list']['items'][number];
export type { LeadStage };
export { leadStages };

export const stageLabel: Record<LeadStage, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
  lost: 'Lost',
};

/** The stage before and after `stage` for the ← and → buttons (lost leads are reopened as new). */
export function neighbours(stage: LeadStage): { back: LeadStage | null; forward: LeadStage | null } {
  if (stage === 'lost') return { back: null, forward: 'new' };
  const order: LeadStage[] = ['new', 'contacted', 'qualified', 'proposal', 'won'];
  const i = order.indexOf(stage);
  return { back: order[i - 1] ?? null, forward: order[i + 1] ?? null };
}
