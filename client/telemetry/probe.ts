// The per-frame telemetry work: gaze at 20 Hz (dwell), poses at 10 Hz, frame statistics; no allocation on most frames.
import { Matrix4, Quaternion, Vector3, type Camera, type Object3D, type WebGLRenderer } from 'three';
import type { Mode, TrackInput } from '../../server/contracts/events';
import type { Pose } from '../../server/contracts/pose';
import { castGaze, type GazeHit } from './gaze';
import { GazeTargets } from './gazeTargets';
import { DwellTracker } from './dwell';
import { PerfMonitor } from './perfMonitor';
import { POSE_HZ, PoseSampler } from './poseSampler';

/** Gaze samples per second (dwell timing resolution 50 ms). */
export const GAZE_HZ = 20;
/** Product groups are looked for again this often, ms (new or changed models get new bounds). */
export const SCAN_INTERVAL_MS = 1000;

const eye = new Vector3();
const forward = new Vector3();
const scale = new Vector3();
const quat = new Quaternion();
const originMatrix = new Matrix4();
const poseMatrix = new Matrix4();
const headMatrix = new Matrix4();
const hit: GazeHit = { target: null, distance: Infinity };
const head: Pose = { px: 0, py: 0, pz: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
const left: Pose = { ...head };
const right: Pose = { ...head };

function fromMatrix(m: Matrix4, out: Pose): Pose {
  m.decompose(eye, quat, scale);
  out.px = eye.x; out.py = eye.y; out.pz = eye.z;
  out.qx = quat.x; out.qy = quat.y; out.qz = quat.z; out.qw = quat.w;
  return out;
}

export interface FrameState {
  scene: Object3D;
  camera: Camera;
  gl: WebGLRenderer;
}

export class Probe {
  readonly targets: GazeTargets;
  readonly dwell: DwellTracker;
  readonly pose: PoseSampler;
  readonly perf = new PerfMonitor();
  private nextScan = 0;
  private nextGaze = 0;
  private nextPose = 0;
  private lastFrame = -1;

  constructor(
    private readonly emit: (e: TrackInput) => void,
    private readonly variantOf: (productId: string) => string | undefined = () => undefined,
    isProduct: (productId: string) => boolean = () => true,
  ) {
    this.targets = new GazeTargets(isProduct);
    this.dwell = new DwellTracker({
      start: (productId) => this.emit({ type: 'dwell_start', input: 'gaze', productId, variantId: this.variantOf(productId) }),
      end: (productId, durationMs, distanceM) =>
        this.emit({ type: 'dwell_end', input: 'gaze', productId, variantId: this.variantOf(productId), props: { durationMs, distanceM } }),
    });
    this.pose = new PoseSampler(emit);
  }

  /** One rendered frame at monotonic time `now` (ms); `xrFrame` while an XR session presents. */
  frame(now: number, s: FrameState, xrFrame?: XRFrame): void {
    if (now >= this.nextScan) {
      this.nextScan = now + SCAN_INTERVAL_MS;
      this.targets.scan(s.scene);
    }
    const gazeDue = now >= this.nextGaze;
    const poseDue = now >= this.nextPose;
    if (gazeDue || poseDue) {
      const xr = s.gl.xr.isPresenting && xrFrame ? xrFrame : undefined;
      const headM = this.head(s, xr);
      if (gazeDue) {
        this.nextGaze = Math.max(this.nextGaze + 1000 / GAZE_HZ, now);
        if (headM) {
          eye.setFromMatrixPosition(headM);
          forward.set(-headM.elements[8]!, -headM.elements[9]!, -headM.elements[10]!).normalize();
          castGaze(this.targets.list, eye, forward, hit);
        } else {
          hit.target = null;
        }
        this.dwell.update(now, hit.target?.productId ?? null, hit.distance);
      }
      if (poseDue) {
        this.nextPose = Math.max(this.nextPose + 1000 / POSE_HZ, now);
        this.samplePose(now, headM, s.gl, xr);
      }
    }
    if (this.lastFrame >= 0) this.perf.record(now, now - this.lastFrame, performance.now() - now);
    this.lastFrame = now;
  }

  /**
   * The head's world matrix: the desktop camera's, or in XR the viewer pose placed by the XR origin
   * (null until the headset reports a pose).
   */
  private head(s: FrameState, xr: XRFrame | undefined): Matrix4 | null {
    if (!xr) {
      s.camera.updateMatrixWorld(); // moved this frame by locomotion, before three renders it
      return s.camera.matrixWorld;
    }
    const origin = s.gl.xr.getCamera().parent;
    if (origin) originMatrix.copy(origin.matrixWorld);
    else originMatrix.identity();
    const space = s.gl.xr.getReferenceSpace();
    const viewer = space ? xr.getViewerPose(space) : undefined;
    if (!viewer) return null;
    return headMatrix.fromArray(viewer.transform.matrix).premultiply(originMatrix);
  }

  /** Head from `headM`; controllers or hands from the XR frame, in the same world space (origin matrix from `head`). */
  private samplePose(now: number, headM: Matrix4 | null, gl: WebGLRenderer, xr: XRFrame | undefined): void {
    const h = headM ? fromMatrix(headM, head) : null;
    let l: Pose | null = null;
    let r: Pose | null = null;
    let lHand = false;
    let rHand = false;
    const space = gl.xr.getReferenceSpace();
    if (xr && space) {
      for (const src of xr.session.inputSources) {
        if (src.handedness !== 'left' && src.handedness !== 'right') continue;
        const wrist = src.hand?.get('wrist');
        const p = src.gripSpace ? xr.getPose(src.gripSpace, space) : wrist ? xr.getJointPose?.(wrist, space) : xr.getPose(src.targetRaySpace, space);
        if (!p) continue;
        poseMatrix.fromArray(p.transform.matrix).premultiply(originMatrix);
        if (src.handedness === 'left') {
          l = fromMatrix(poseMatrix, left);
          lHand = !!src.hand;
        } else {
          r = fromMatrix(poseMatrix, right);
          rHand = !!src.hand;
        }
      }
    }
    this.pose.add(now, h, l, lHand, r, rHand);
  }

  /** Closes the open dwell and pose chunk (page hidden, XR session starting or ending). */
  flush(now: number): void {
    this.dwell.flush(now);
    this.pose.flush();
  }

  /** Sets the mode recorded with pose chunks, closing the chunk gathered in the old mode. */
  setMode(mode: Mode, now: number): void {
    if (mode === this.pose.mode) return;
    this.flush(now);
    this.pose.mode = mode;
  }
}
