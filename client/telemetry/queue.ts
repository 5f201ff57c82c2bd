// The in-memory event queue: bounded in bytes, drops the oldest pose samples first, tracks what IndexedDB holds.
import type { EventInput } from '../../server/contracts/events';

/** Estimated bytes the queue may hold before it drops pose samples (then perf reports). */
export const QUEUE_CAPACITY_BYTES = 4 * 1024 * 1024;

/** What may be dropped: 0 never (business events), 1 pose chunks (first), 2 perf reports (second). */
export type DropClass = 0 | 1 | 2;

export interface QueuedEvent {
  sessionId: string;
  event: EventInput;
  /** Estimated JSON size, bytes (an upper bound for ordinary events). */
  bytes: number;
  drop: DropClass;
  /** 0 only in memory, 1 being written to IndexedDB, 2 stored there. */
  stored: 0 | 1 | 2;
  /** Delivered or dropped: no longer counted, skipped everywhere. */
  gone: boolean;
}

/** The IndexedDB key of a queued event. */
export type QueueKey = [sessionId: string, seq: number];

export interface DropTally {
  events: number;
  poseSamples: number;
  bytes: number;
}

/** An upper-bound size estimate without serialising (track() must stay cheap). */
export function estimateBytes(e: EventInput): number {
  let n = 220;
  const p = (e.props ?? {}) as Record<string, unknown>;
  if (e.type === 'pose') n += (p.data as string).length;
  else if (e.type === 'error') n += (p.message as string).length + ((p.source as string | undefined)?.length ?? 0);
  else if (e.type === 'telemetry_drop') n += (p.detail as string | undefined)?.length ?? 0;
  return n;
}

export function dropClassOf(e: EventInput): DropClass {
  return e.type === 'pose' ? 1 : e.type === 'perf' ? 2 : 0;
}

/** FIFO of droppable items with a moving head, so eviction is amortised O(1). */
class Fifo {
  private items: QueuedEvent[] = [];
  private head = 0;
  push(q: QueuedEvent): void {
    this.items.push(q);
  }
  /** The oldest item still in the queue, removed from this FIFO; null when none. */
  shift(): QueuedEvent | null {
    while (this.head < this.items.length) {
      const q = this.items[this.head++]!;
      if (!q.gone) return q;
    }
    this.items = [];
    this.head = 0;
    return null;
  }
  compact(): void {
    this.items = this.items.slice(this.head).filter((q) => !q.gone);
    this.head = 0;
  }
}

export class EventQueue {
  private items: QueuedEvent[] = [];
  private goneCount = 0;
  private liveBytes = 0;
  private readonly pose = new Fifo();
  private readonly perf = new Fifo();
  private unsaved: QueuedEvent[] = [];
  private deletes: QueueKey[] = [];
  private dropped: DropTally = { events: 0, poseSamples: 0, bytes: 0 };

  constructor(readonly capacityBytes = QUEUE_CAPACITY_BYTES) {}

  /** Adds an event (stamped with its session's seq); drops old pose samples if over capacity. O(1) amortised. */
  push(sessionId: string, event: EventInput, stored: 0 | 2 = 0): QueuedEvent {
    const q: QueuedEvent = { sessionId, event, bytes: estimateBytes(event), drop: dropClassOf(event), stored, gone: false };
    this.items.push(q);
    this.liveBytes += q.bytes;
    if (q.drop === 1) this.pose.push(q);
    else if (q.drop === 2) this.perf.push(q);
    if (stored === 0) this.unsaved.push(q);
    if (this.liveBytes > this.capacityBytes) this.evict();
    return q;
  }

  private evict(): void {
    while (this.liveBytes > this.capacityBytes) {
      const victim = this.pose.shift() ?? this.perf.shift();
      if (!victim) return; // only business events left: they are kept whatever the size
      this.dropped.events++;
      this.dropped.bytes += victim.bytes;
      if (victim.event.type === 'pose') this.dropped.poseSamples += victim.event.props?.samples ?? 0;
      this.markGone(victim);
    }
  }

  private markGone(q: QueuedEvent): void {
    if (q.gone) return;
    q.gone = true;
    this.goneCount++;
    this.liveBytes -= q.bytes;
    if (q.stored !== 0) this.deletes.push([q.sessionId, q.event.seq]);
  }

  /**
   * The oldest waiting events of one session (the session of the oldest event), in order, up to
   * `maxEvents` and `maxBytes` (estimated; at least one event). Nothing is removed.
   */
  takeBatch(maxEvents: number, maxBytes: number, filter?: (q: QueuedEvent) => boolean): QueuedEvent[] {
    const batch: QueuedEvent[] = [];
    let sessionId: string | null = null;
    let bytes = 0;
    for (const q of this.items) {
      if (q.gone || (filter && !filter(q))) continue;
      if (sessionId === null) sessionId = q.sessionId;
      else if (q.sessionId !== sessionId) continue;
      if (batch.length > 0 && (batch.length >= maxEvents || bytes + q.bytes > maxBytes)) break;
      batch.push(q);
      bytes += q.bytes;
    }
    return batch;
  }

  /** Removes delivered (or refused) events. */
  remove(batch: readonly QueuedEvent[]): void {
    for (const q of batch) this.markGone(q);
    if (this.goneCount > 256 && this.goneCount * 2 > this.items.length) {
      this.items = this.items.filter((q) => !q.gone);
      this.goneCount = 0;
      this.pose.compact();
      this.perf.compact();
    }
  }

  /** Removes every event of a session; returns how many there were. */
  removeSession(sessionId: string): number {
    const mine = this.items.filter((q) => !q.gone && q.sessionId === sessionId);
    this.remove(mine);
    return mine.length;
  }

  /** Events not yet handed to IndexedDB, now marked as being written. */
  drainUnsaved(): QueuedEvent[] {
    const out = this.unsaved.filter((q) => !q.gone && q.stored === 0);
    this.unsaved = [];
    for (const q of out) q.stored = 1;
    return out;
  }

  /** Keys of events to delete from IndexedDB (delivered or dropped after being stored). */
  drainDeletes(): QueueKey[] {
    const out = this.deletes;
    this.deletes = [];
    return out;
  }

  /** After a successful write. Events delivered meanwhile were queued for deletion already. */
  markSaved(items: readonly QueuedEvent[]): void {
    for (const q of items) q.stored = 2;
  }

  /** After a failed write: try these again next time. */
  markUnsaved(items: readonly QueuedEvent[], deletes: readonly QueueKey[]): void {
    for (const q of items) {
      q.stored = 0;
      if (!q.gone) this.unsaved.push(q);
    }
    this.deletes.push(...deletes);
  }

  /** Events not yet confirmed in IndexedDB (for the synchronous spill on page hide). */
  unconfirmed(): QueuedEvent[] {
    return this.items.filter((q) => !q.gone && q.stored !== 2);
  }

  /** What was dropped for capacity since the last call. */
  takeDrops(): DropTally | null {
    if (this.dropped.events === 0) return null;
    const d = this.dropped;
    this.dropped = { events: 0, poseSamples: 0, bytes: 0 };
    return d;
  }

  /** Waiting events (all sessions, or one). */
  size(sessionId?: string): number {
    if (sessionId === undefined) return this.items.length - this.goneCount;
    let n = 0;
    for (const q of this.items) if (!q.gone && q.sessionId === sessionId) n++;
    return n;
  }

  /** Estimated bytes waiting. */
  bytes(): number {
    return this.liveBytes;
  }

  /** Sessions with waiting events. */
  sessions(): Set<string> {
    const s = new Set<string>();
    for (const q of this.items) if (!q.gone) s.add(q.sessionId);
    return s;
  }

  /** Sequence numbers of one session's waiting events. */
  seqs(sessionId: string): Set<number> {
    const out = new Set<number>();
    for (const q of this.items) if (!q.gone && q.sessionId === sessionId) out.add(q.event.seq);
    return out;
  }
}
