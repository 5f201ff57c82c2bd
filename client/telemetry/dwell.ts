// Turns gaze samples into dwells: a product that holds the ray for at least 250 ms starts a dwell, which ends with its duration.

/** The ray must rest on a product this long before it counts as looked at, ms. */
export const DWELL_MIN_MS = 250;
/** A gap shorter than this (the ray flickering off the edge) does not end a dwell, ms. */
export const DWELL_GRACE_MS = 150;
/** Samples further apart than this (hidden tab, stalled frames) end the dwell at the last sample, ms. */
export const MAX_SAMPLE_GAP_MS = 1000;

export interface DwellSink {
  /** The ray has rested on the product for DWELL_MIN_MS. */
  start(productId: string): void;
  /** The dwell ended: from the first sample on the product to the first sample off it, ms; mean distance, metres. */
  end(productId: string, durationMs: number, distanceM: number): void;
}

/** A small state machine fed one gaze sample at a time (time in ms on any monotonic clock). */
export class DwellTracker {
  private id: string | null = null;
  private since = 0;
  private active = false;
  private missSince: number | null = null;
  private lastSample: number | null = null;
  private distanceSum = 0;
  private distanceCount = 0;
  /** Dwells started so far. */
  started = 0;

  constructor(private readonly sink: DwellSink) {}

  /** The product under the ray now, and whether it has become a dwell. */
  get current(): { productId: string | null; dwelling: boolean } {
    return { productId: this.missSince === null ? this.id : null, dwelling: this.active };
  }

  /** One gaze sample at time `t`: the product hit (or null) and the distance to it, metres. */
  update(t: number, productId: string | null, distanceM: number): void {
    if (this.id !== null && this.lastSample !== null && t - this.lastSample > MAX_SAMPLE_GAP_MS) this.close(this.missSince ?? this.lastSample);
    this.lastSample = t;
    if (productId !== null && productId === this.id) {
      this.missSince = null;
      this.distanceSum += distanceM;
      this.distanceCount++;
      if (!this.active && t - this.since >= DWELL_MIN_MS) {
        this.active = true;
        this.started++;
        this.sink.start(productId);
      }
      return;
    }
    if (this.id !== null) {
      if (productId === null) {
        this.missSince ??= t;
        if (t - this.missSince < DWELL_GRACE_MS) return;
        this.close(this.missSince);
      } else {
        this.close(this.missSince ?? t);
      }
    }
    if (productId !== null) {
      this.id = productId;
      this.since = t;
      this.missSince = null;
      this.distanceSum = distanceM;
      this.distanceCount = 1;
    }
  }

  /** Ends any dwell now (page hidden, XR session started or ended). */
  flush(t: number): void {
    if (this.id !== null) this.close(this.missSince ?? t);
    this.lastSample = null;
  }

  private close(end: number): void {
    if (this.active && this.id !== null) {
      const distance = this.distanceCount ? this.distanceSum / this.distanceCount : 0;
      this.sink.end(this.id, Math.max(0, Math.round(end - this.since)), Math.round(distance * 100) / 100);
    }
    this.id = null;
    this.active = false;
    this.missSince = null;
  }
}
