// Stores one validated, authorised ingest batch: refuses unknown products, writes it with its rollups, tells the live view.
import { TRPCError } from '@trpc/server';
import type { IngestBatch, IngestResult } from '../contracts/events';
import type { DB } from '../db/connection';
import { afterIngest } from '../live/ingestHook';
import { countStoredBatch } from '../metrics/ingest';
import { batchWriterFor } from './batchWriter';

export interface IngestDeps {
  db: DB;
  /** Ids of every catalogue product, for validating event references. */
  productIds: ReadonlySet<string>;
  /** Server clock, ms since the epoch. */
  now: () => number;
}

/** The 400 message naming each event whose product is not in the catalogue (at most five), or null when all are known. */
export function unknownProductsMessage(productIds: ReadonlySet<string>, events: IngestBatch['events']): string | null {
  const unknown: string[] = [];
  events.forEach((e, i) => {
    if (e.productId !== undefined && !productIds.has(e.productId)) unknown.push(`events[${i}].productId: "${e.productId}" is not a catalogue product`);
  });
  if (unknown.length === 0) return null;
  const more = unknown.length > 5 ? `; ...and ${unknown.length - 5} more problems` : '';
  return unknown.slice(0, 5).join('; ') + more;
}

/** Decoded bytes of the pose chunks among `events` (base64: 3 bytes per 4 characters, less the padding). */
function poseBytes(events: readonly IngestBatch['events'][number][]): number {
  let bytes = 0;
  for (const e of events) {
    if (e.type !== 'pose') continue;
    const d = e.props.data;
    bytes += (d.length / 4) * 3 - (d.endsWith('==') ? 2 : d.endsWith('=') ? 1 : 0);
  }
  return bytes;
}

/**
 * Stores a batch whose shape, token and rate limit were checked: all or nothing, in one transaction with the
 * session's, products' and analytics rollups (grouped with other batches into one commit, ./batchWriter.ts).
 * Events already stored (same id) are skipped. Throws BAD_REQUEST, writing nothing, when an event names a
 * product outside the catalogue.
 */
export async function storeBatch(deps: IngestDeps, input: IngestBatch): Promise<IngestResult> {
  const unknown = unknownProductsMessage(deps.productIds, input.events);
  if (unknown) throw new TRPCError({ code: 'BAD_REQUEST', message: unknown });
  const { accepted, duplicates, stored } = await batchWriterFor(deps.db).write(input.sessionId, input.events, deps.now());
  countStoredBatch(accepted, duplicates, poseBytes(stored));
  // Only what this batch stored is news: a resent batch (a retry, a reload's replay) must not end a live visit again.
  afterIngest(deps.db, input.sessionId, stored, deps.now());
  return { accepted, duplicates };
}
