// Admin procedure to read the audit log: who changed what and when.
import { auditListSchema } from '../contracts/admin';
import { auditPage } from '../db/audit';
import { roleProcedure, router } from '../trpc';

export const auditRouter = router({
  /** Entries newest first, filtered by entity, entity id or actor; a page at a time. */
  list: roleProcedure('admin')
    .input(auditListSchema)
    .query(({ ctx, input }) => auditPage(ctx.db, input)),
});
