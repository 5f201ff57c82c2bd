// Staff procedures for the sales pipeline: list, read, totals per stage, create, update, move between stages.
import { idSchema } from '../contracts/customers';
import { leadCreateSchema, leadListSchema, leadMoveSchema, leadTotalsSchema, leadUpdateSchema } from '../contracts/leads';
import { pageLimit } from '../contracts/paging';
import { changeLead, createLead, moveLead } from '../crm/leads';
import { leadPage, leadSessions, leadWithProducts, pipelineTotals } from '../crm/leadViews';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

export const leadsRouter = router({
  /** Leads most recently changed first; a salesperson sees their own and unassigned ones. */
  list: staffProcedure.input(leadListSchema).query(({ ctx, input }) => leadPage(ctx.db, input, ctx.staff)),

  /** One lead with its products of interest (named from the catalogue). */
  get: staffProcedure.input(idSchema).query(({ ctx, input }) => leadWithProducts(ctx, input.id, ctx.staff)),

  /** Showroom sessions behind the lead: the customer's, or the anonymous browser's. */
  sessions: staffProcedure.input(idSchema.extend({ limit: pageLimit(200, 50) })).query(({ ctx, input }) => leadSessions(ctx, input, ctx.staff)),

  /** Count, value and probability-weighted value per stage, over the leads the caller may see. */
  totals: staffProcedure.input(leadTotalsSchema).query(({ ctx, input }) => pipelineTotals(ctx.db, input, ctx.staff)),

  /** A lead made by staff for a customer; without a value it follows the customer's cart. */
  create: writer.input(leadCreateSchema).mutation(({ ctx, input }) => createLead(ctx, input, ctx)),

  /** Title, value (null: follow the cart again), currency, assignee. */
  update: writer.input(leadUpdateSchema).mutation(({ ctx, input }) => changeLead(ctx, input, ctx)),

  /** Moves the lead to another stage; `lost` needs a reason. */
  moveStage: writer.input(leadMoveSchema).mutation(({ ctx, input }) => moveLead(ctx, input, ctx)),
});
