// Staff procedures for a session's replay: its pose chunks (head and controllers over time) and its attention per product.
import { TRPCError } from '@trpc/server';
import { replayAttentionInput, replayPosesInput, type ReplayPoses } from '../contracts/replay';
import { sessionAttention } from '../db/attention';
import { poseChunkPage } from '../db/replay';
import { getSession } from '../db/sessions';
import type { DB } from '../db/connection';
import { router, staffProcedure } from '../trpc';

function requireSession(db: DB, id: string): void {
  if (!getSession(db, id)) throw new TRPCError({ code: 'NOT_FOUND', message: `No session ${id}` });
}

export const replayRouter = router({
  /** A page of the session's pose chunks in time order, still encoded (about 0.6 MB for 30 minutes of VR with both controllers). */
  poses: staffProcedure.input(replayPosesInput).query(({ ctx, input }): ReplayPoses => {
    requireSession(ctx.db, input.id);
    const rows = poseChunkPage(ctx.db, input.id, { limit: input.limit + 1, after: input.cursor });
    const page = rows.slice(0, input.limit);
    const chunks = page.map((r) => ({
      seq: r.seq,
      startTs: r.startTs,
      durationMs: r.durationMs,
      mode: r.mode,
      samples: r.samples,
      format: r.format,
      data: r.data.toString('base64'),
    }));
    const last = page.at(-1);
    return { chunks, nextCursor: rows.length > input.limit && last ? { startTs: last.startTs, seq: last.seq } : null };
  }),

  /** Per product, what the session did with it (dwell time and count, selects, cart and wishlist adds), most looked-at first. */
  attention: staffProcedure.input(replayAttentionInput).query(({ ctx, input }) => {
    requireSession(ctx.db, input.id);
    return sessionAttention(ctx.db, input.id);
  }),
});
