// Collects head and controller/hand poses at 10 Hz into compact chunks and records each full chunk as a `pose` event.
import type { Mode, TrackInput } from '../../server/contracts/events';
import { PoseChunkWriter, type Pose } from '../../server/contracts/pose';
import { toBase64 } from '../../server/contracts/base64';

/** Pose samples per second. */
export const POSE_HZ = 10;
/** Samples per chunk: 20 at 10 Hz is one `pose` event every 2 s. */
export const CHUNK_SAMPLES = 20;

export class PoseSampler {
  private readonly writer = new PoseChunkWriter();
  /** Browser time of the chunk's first sample: epoch ms and the monotonic clock's ms. */
  private startEpoch = 0;
  private startMono = 0;
  mode: Mode = 'desktop';
  samples = 0;
  chunks = 0;
  /** Which poses the last sample held (bits as in the chunk format: 1 head, 2 left, 4 right, 8/16 hands). */
  lastMask = 0;

  constructor(private readonly emit: (e: TrackInput) => void) {}

  /** Adds one sample taken at monotonic time `now` (ms); absent poses are null. */
  add(now: number, head: Pose | null, left: Pose | null, leftIsHand: boolean, right: Pose | null, rightIsHand: boolean): void {
    if (!head && !left && !right) return;
    if (this.writer.count === 0) {
      this.startEpoch = Date.now();
      this.startMono = now;
    }
    if (!this.writer.add(now - this.startMono, head, left, leftIsHand, right, rightIsHand)) {
      // Too far from the chunk's origin (a teleport) or too late: close this chunk and start a new one.
      this.flush();
      this.startEpoch = Date.now();
      this.startMono = now;
      if (!this.writer.add(0, head, left, leftIsHand, right, rightIsHand)) return; // hands over 32 m from the head: not a real pose
    }
    this.samples++;
    this.lastMask = (head ? 1 : 0) | (left ? 2 | (leftIsHand ? 8 : 0) : 0) | (right ? 4 | (rightIsHand ? 16 : 0) : 0);
    if (this.writer.count >= CHUNK_SAMPLES) this.flush();
  }

  /** Records the samples gathered so far as one `pose` event (on page hide, mode change, or a full chunk). */
  flush(): void {
    const n = this.writer.count;
    if (n === 0) return;
    const data = toBase64(this.writer.view8());
    this.writer.reset();
    this.chunks++;
    this.emit({ type: 'pose', input: 'system', props: { format: 1, mode: this.mode, startTs: this.startEpoch, samples: n, data } });
  }
}
