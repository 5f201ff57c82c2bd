// Staff procedures for a session's replay: its pose chunks (head and controllers over time) and its attention per product.
import { replayAttentionInput, replayPosesInput } from '../contracts/replay';
import { replayAttention, replayPosePage } from '../crm/sessionViews';
import { router, staffProcedure } from '../trpc';

export const replayRouter = router({
  /** A page of the session's pose chunks in time order, still encoded (about 0.6 MB for 30 minutes of VR with both controllers). */
  poses: staffProcedure.input(replayPosesInput).query(({ ctx, input }) => replayPosePage(ctx.db, input)),

  /** Per product, what the session did with it (dwell time and count, selects, cart and wishlist adds), most looked-at first. */
  attention: staffProcedure.input(replayAttentionInput).query(({ ctx, input }) => replayAttention(ctx.db, input.id)),
});
