// Ingest metrics: events accepted, duplicates and refusals by reason, batch sizes, pose bytes, group commits.
import { registerFamily } from './registry';
import { CounterFamily, HistogramFamily, SECONDS_BUCKETS } from './series';

const events = registerFamily(
  new CounterFamily('showroom_ingest_events_total', 'Telemetry events received, by outcome (accepted: newly stored; duplicate: already stored, skipped)', ['outcome']),
);
const refusedBatches = registerFamily(new CounterFamily('showroom_ingest_refused_batches_total', 'Ingest batches refused, by reason', ['reason']));
const refusedEvents = registerFamily(new CounterFamily('showroom_ingest_refused_events_total', 'Events in refused ingest batches, by reason', ['reason']));
const batchEvents = registerFamily(
  new HistogramFamily('showroom_ingest_batch_events', 'Events per accepted ingest batch', [], [1, 2, 5, 10, 20, 50, 100, 200, 500]),
);
const poseBytes = registerFamily(new CounterFamily('showroom_ingest_pose_bytes_total', 'Bytes of pose and gaze samples stored (decoded, before base64)', []));
const commitBatches = registerFamily(
  new HistogramFamily('showroom_ingest_commit_batches', 'Batches written per group commit (one SQLite transaction)', [], [1, 2, 4, 8, 16, 32, 64]),
);
const commitSeconds = registerFamily(new HistogramFamily('showroom_ingest_commit_seconds', 'Time one group commit spends in SQLite', [], SECONDS_BUCKETS));

/** Why a batch was refused: the checks of server/ingest/httpRoute.ts, and the body limit. */
export type RefusalReason = 'invalid_json' | 'invalid' | 'too_many_events' | 'token' | 'unknown_product' | 'rate_limited' | 'too_large';
const reasons: readonly RefusalReason[] = ['invalid_json', 'invalid', 'too_many_events', 'token', 'unknown_product', 'rate_limited', 'too_large'];
const refused = Object.fromEntries(reasons.map((r) => [r, { batches: refusedBatches.child(r), events: refusedEvents.child(r) }])) as Record<
  RefusalReason,
  { batches: ReturnType<CounterFamily['child']>; events: ReturnType<CounterFamily['child']> }
>;
const accepted = events.child('accepted');
const duplicate = events.child('duplicate');
const batchSize = batchEvents.child();
const pose = poseBytes.child();
const groupSize = commitBatches.child();
const groupTime = commitSeconds.child();

/** Counts a stored batch: `acceptedCount` new events, `duplicates` skipped, `poseByteCount` pose bytes among the new ones. */
export function countStoredBatch(acceptedCount: number, duplicates: number, poseByteCount: number): void {
  accepted.inc(acceptedCount);
  duplicate.inc(duplicates);
  batchSize.observe(acceptedCount + duplicates);
  if (poseByteCount > 0) pose.inc(poseByteCount);
}

/** Counts a refused batch of `eventCount` events (0 when the body could not be read). */
export function countRefusedBatch(reason: RefusalReason, eventCount: number): void {
  const r = refused[reason];
  r.batches.inc();
  r.events.inc(eventCount);
}

/** Counts one group commit of `batches` batches that took `ms` in SQLite. */
export function countCommit(batches: number, ms: number): void {
  groupSize.observe(batches);
  groupTime.observe(ms / 1000);
}
