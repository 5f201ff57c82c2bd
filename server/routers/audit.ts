// Admin procedure to read the audit log: who changed what and when.
import { auditListSchema } from '../contracts/admin';
import { listAudit } from '../db/audit';
import { roleProcedure, router } from '../trpc';

export const auditRouter = router({
  /** Entries newest first, filtered by entity, entity id or actor; a page at a time. */
  list: roleProcedure('admin')
    .input(auditListSchema)
    .query(({ ctx, input }) => {
      const items = listAudit(ctx.db, { entity: input.entity, entityId: input.entityId, actorId: input.actorId, before: input.cursor, limit: input.limit + 1 });
      const page = items.slice(0, input.limit);
      return { items: page, nextCursor: items.length > input.limit ? (page.at(-1)?.id ?? null) : null };
    }),
});
