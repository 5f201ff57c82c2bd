// Zod schemas and types of the session replay procedures: a session's pose chunks and what it did with each product.
import { z } from 'zod';
import { uuidSchema } from './ids';
import { pageLimit } from './paging';

/** Chunks per page: about 2 s each, so a page covers about 16 minutes of a session. */
export const MAX_REPLAY_CHUNKS = 500;

export const replayPosesInput = z.object({
  id: uuidSchema,
  /** The previous page's `nextCursor`: only chunks after it (by start time, then sequence number). */
  cursor: z.object({ startTs: z.number().int().min(0).max(8.64e15), seq: z.number().int().min(0).max(2 ** 31) }).nullish(),
  limit: pageLimit(MAX_REPLAY_CHUNKS, MAX_REPLAY_CHUNKS),
});
export type ReplayPosesInput = z.infer<typeof replayPosesInput>;

/** One stored pose chunk as sent to the dashboard; decode `data` with `decodePoseChunk` (contracts/pose.ts). */
export interface ReplayChunk {
  seq: number;
  /** Browser ms since the epoch of the chunk's first sample. */
  startTs: number;
  durationMs: number;
  mode: string;
  samples: number;
  format: number;
  /** The encoded chunk, standard base64. */
  data: string;
}

export interface ReplayPoses {
  chunks: ReplayChunk[];
  /** Pass as `cursor` for the next page; null when this was the last one. */
  nextCursor: { startTs: number; seq: number } | null;
}

export const replayAttentionInput = z.object({ id: uuidSchema });
