// Exposes read-only facts about the rendered scene on `window.showroomDebug`, for automation and benchmarks (loaded only under automation).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, type Intersection, Matrix4, Quaternion, Raycaster, Sphere, Vector2, Vector3, type Object3D } from 'three';
import { EYE_HEIGHT, player } from './player';
import { requestTeleport } from './input/intents';
import { productById, useShowroom, variantOf } from './store';
import { SEATED_OFFSET, useXRPreferences } from './xr/preferences';

export interface ShowroomDebug {
  /** Frames rendered so far. */
  frames: number;
  /** A canvas pixel (CSS px) where the product is visible and hit first, or null if it is not in view. */
  productScreenPoint(id: string): { x: number; y: number } | null;
  /** Draw calls, triangles, geometries and textures of the last frame. */
  renderInfo(): { calls: number; triangles: number; geometries: number; textures: number };
  /** Centre of the product's bounding box in world space, metres. */
  productWorldCenter(id: string): { x: number; y: number; z: number } | null;
  /** Where the viewer's eyes are in world space (the headset in VR), metres. */
  viewerPosition(): { x: number; y: number; z: number };
  /** The product a pointer is over, if any. */
  hoveredProduct(): string | null;
  /** The visitor's floor position (metres) and heading and pitch (radians). */
  player(): { x: number; z: number; yaw: number; pitch: number };
  /** A world point in the XR origin's frame (the frame headset and controller poses are given in), metres. */
  worldToXROrigin(p: { x: number; y: number; z: number }): { x: number; y: number; z: number };
  /**
   * The target ray of the XR input source of that hand (controller or hand) in the XR origin's frame, as the last
   * frame saw it: origin (metres) and unit direction. Null outside a session.
   */
  xrRay(handedness: 'left' | 'right'): { origin: [number, number, number]; direction: [number, number, number]; kind: 'controller' | 'hand' } | null;
  /** Whether that hand's XR target ray (as the last frame saw it) hits the named object, e.g. an in-scene button. */
  xrRayHits(handedness: 'left' | 'right', name: string): boolean;
  /** The canvas pixel (CSS px) where a world point (metres) appears, or null if it is behind the camera or off screen. */
  worldToScreen(p: { x: number; y: number; z: number }): { x: number; y: number } | null;
  /** Moves the visitor to a floor point, as a teleport would (collisions apply). */
  teleport(x: number, z: number): void;
  /** Turns the desktop view to face the product (for automation that needs it in the centre). */
  faceProduct(id: string): boolean;
  /** performance.now() of the first rendered frame, ms. */
  firstFrameAt: number | null;
  /** Product models loaded so far and in all. */
  models(): { loaded: number; total: number };
  /** Centre of the named object's bounds in world space (e.g. an in-scene button, to aim an XR ray at), metres. */
  objectWorldCenter(name: string): { x: number; y: number; z: number } | null;
  /** The canvas pixel (CSS px) at the centre of the named object (e.g. a panel button), or null if it is not in view. */
  objectScreenPoint(name: string): { x: number; y: number } | null;
  /** Puts the visitor at (x, z) on the floor, looking along yaw and pitch (radians). For screenshots and benchmarks. */
  placeVisitor(x: number, z: number, yaw: number, pitch?: number): void;
  /**
   * Puts the visitor `distance` metres in front of a product (on the aisle side), looking at it, turned `turn`
   * radians to the right so the product sits left of centre (the product panel opens on the right).
   */
  standBefore(productId: string, distance: number, turn?: number): boolean;
  /** What is selected, its variant, which panel is open, and how many in-scene buttons a pointer is over. */
  state(): { selectedId: string | null; variantId: string | null; panel: string | null; inspecting: boolean; hoveredId: string | null; uiHover: number };
}

declare global {
  interface Window {
    showroomDebug?: ShowroomDebug;
  }
}

const box = new Box3();
const corner = new Vector3();
const ndc = new Vector2();
const raycaster = new Raycaster();
const sphere = new Sphere();
const rayDirection = new Vector3();
const quat = new Quaternion();
const globalToWorld = new Matrix4();
type XRRay = { origin: [number, number, number]; direction: [number, number, number]; kind: 'controller' | 'hand' };
/** This frame's target ray per hand, overwritten in place each XR frame (`seen` false: no such source this frame). */
const xrRays = {
  left: { seen: false, origin: [0, 0, 0], direction: [0, 0, -1], kind: 'controller' } as XRRay & { seen: boolean },
  right: { seen: false, origin: [0, 0, 0], direction: [0, 0, -1], kind: 'controller' } as XRRay & { seen: boolean },
};

/** A copy of that hand's ray as the last frame saw it, or null. */
function rayOf(handedness: 'left' | 'right'): XRRay | null {
  const r = xrRays[handedness];
  return r.seen ? { origin: [...r.origin], direction: [...r.direction], kind: r.kind } : null;
}
const hits: Intersection[] = [];

function isInside(o: Object3D | null, root: Object3D): boolean {
  for (let x = o; x; x = x.parent) if (x === root) return true;
  return false;
}

export function DebugHandle() {
  const get = useThree((s) => s.get);
  useEffect(() => {
    const debug: ShowroomDebug = {
      frames: 0,
      productScreenPoint(id) {
        const { scene, camera, size } = get();
        const product = scene.getObjectByName(`product-${id}`);
        if (!product) return null;
        box.setFromObject(product);
        let minX = 1, minY = 1, maxX = -1, maxY = -1;
        for (let i = 0; i < 8; i++) {
          corner.set(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z).project(camera);
          minX = Math.min(minX, corner.x); maxX = Math.max(maxX, corner.x);
          minY = Math.min(minY, corner.y); maxY = Math.max(maxY, corner.y);
        }
        const steps = 12;
        for (let r = 0; r <= steps; r++) {
          for (let c = 0; c <= steps; c++) {
            // Search from the middle outwards so the point is well inside the product.
            const fx = 0.5 + ((c % 2 ? 1 : -1) * Math.ceil(c / 2)) / steps;
            const fy = 0.5 + ((r % 2 ? 1 : -1) * Math.ceil(r / 2)) / steps;
            ndc.set(minX + (maxX - minX) * fx, minY + (maxY - minY) * fy);
            if (Math.abs(ndc.x) > 0.98 || Math.abs(ndc.y) > 0.98) continue;
            raycaster.setFromCamera(ndc, camera);
            const hit = raycaster.intersectObject(scene, true).find((h) => h.object.visible && (h.object as { isMesh?: boolean }).isMesh);
            if (hit && isInside(hit.object, product)) {
              return { x: ((ndc.x + 1) / 2) * size.width, y: ((1 - ndc.y) / 2) * size.height };
            }
          }
        }
        return null;
      },
      productWorldCenter(id) {
        const product = get().scene.getObjectByName(`product-${id}`);
        if (!product) return null;
        box.setFromObject(product).getCenter(corner);
        return { x: corner.x, y: corner.y, z: corner.z };
      },
      viewerPosition() {
        const { gl, camera } = get();
        const cam = gl.xr.isPresenting ? gl.xr.getCamera() : camera;
        cam.getWorldPosition(corner);
        return { x: corner.x, y: corner.y, z: corner.z };
      },
      hoveredProduct: () => useShowroom.getState().hoveredId,
      player: () => ({ x: player.position.x, z: player.position.z, yaw: player.yaw, pitch: player.pitch }),
      worldToXROrigin(p) {
        const c = Math.cos(-player.yaw);
        const s = Math.sin(-player.yaw);
        const x = p.x - player.position.x;
        const z = p.z - player.position.z;
        const y = p.y - (useXRPreferences.getState().seated ? SEATED_OFFSET : 0);
        return { x: x * c + z * s, y, z: -x * s + z * c };
      },
      teleport: (x, z) => requestTeleport(x, z),
      xrRay: rayOf,
      xrRayHits(handedness, name) {
        const ray = rayOf(handedness);
        const o = get().scene.getObjectByName(name);
        if (!ray || !o) return false;
        // From the XR origin's frame to the world: the inverse of worldToXROrigin.
        const c = Math.cos(-player.yaw);
        const s = Math.sin(-player.yaw);
        const [ox, oy, oz] = ray.origin;
        const [dx, dy, dz] = ray.direction;
        const lift = useXRPreferences.getState().seated ? SEATED_OFFSET : 0;
        raycaster.ray.origin.set(player.position.x + ox * c - oz * s, oy + lift, player.position.z + ox * s + oz * c);
        raycaster.ray.direction.set(dx * c - dz * s, dy, dx * s + dz * c).normalize();
        o.updateWorldMatrix(true, true);
        // uikit elements stop three's recursive raycast (pointer events walk the tree), so test each one.
        hits.length = 0;
        o.traverse((x) => x.raycast(raycaster, hits));
        return hits.length > 0;
      },
      worldToScreen(p) {
        const { camera, size } = get();
        corner.set(p.x, p.y, p.z).project(camera);
        if (Math.abs(corner.x) > 1 || Math.abs(corner.y) > 1 || corner.z > 1) return null;
        return { x: ((corner.x + 1) / 2) * size.width, y: ((1 - corner.y) / 2) * size.height };
      },
      faceProduct(id) {
        const c = debug.productWorldCenter(id);
        if (!c) return false;
        const dx = c.x - player.position.x;
        const dz = c.z - player.position.z;
        player.yaw = Math.atan2(-dx, -dz);
        player.pitch = Math.atan2(c.y - EYE_HEIGHT, Math.hypot(dx, dz));
        return true;
      },
      firstFrameAt: null,
      models: () => ({ ...useShowroom.getState().loading }),
      objectWorldCenter(name) {
        const o = get().scene.getObjectByName(name);
        if (!o) return null;
        o.updateWorldMatrix(true, true);
        // A uikit element keeps its bounds in its root panel's "global" space, which is the root's parent's world
        // matrix times the root's own matrix (as uikit's raycast computes it: the root's matrixWorld also holds its
        // layout offset); anything else: the centre of its box.
        const ui = o as Object3D & { boundingSphere?: Sphere; root?: { peek(): { component: Object3D } } };
        if (ui.root && ui.boundingSphere) {
          const root = ui.root.peek().component;
          root.updateMatrix();
          if (root.parent) {
            root.parent.updateWorldMatrix(true, false);
            globalToWorld.multiplyMatrices(root.parent.matrixWorld, root.matrix);
          } else globalToWorld.copy(root.matrix);
          sphere.copy(ui.boundingSphere).applyMatrix4(globalToWorld);
          return { x: sphere.center.x, y: sphere.center.y, z: sphere.center.z };
        }
        box.setFromObject(o).getCenter(corner);
        return { x: corner.x, y: corner.y, z: corner.z };
      },
      objectScreenPoint(name) {
        const { scene, camera, size } = get();
        const o = scene.getObjectByName(name);
        if (!o) return null;
        o.updateWorldMatrix(true, true);
        // A uikit element: search the screen around its root panel for rays that hit it, as a pointer would.
        const ui = o as Object3D & { root?: { peek(): { component: Object3D & { boundingSphere: Sphere } } } };
        if (ui.root) {
          const root = ui.root.peek().component;
          root.updateWorldMatrix(true, true);
          sphere.copy(root.boundingSphere).applyMatrix4(root.matrixWorld);
          corner.copy(sphere.center).project(camera);
          const r = sphere.radius / Math.max(0.05, camera.position.distanceTo(sphere.center));
          // uikit elements stop three's recursive raycast (pointer events walk the tree), so test each one.
          const parts: Object3D[] = [];
          o.traverse((x) => void parts.push(x));
          let sx = 0;
          let sy = 0;
          let n = 0;
          const steps = 20;
          for (let iy = -steps; iy <= steps; iy++) {
            for (let ix = -steps; ix <= steps; ix++) {
              ndc.set(corner.x + (ix / steps) * r * 1.2, corner.y + (iy / steps) * r * 1.2 * (size.width / size.height));
              if (Math.abs(ndc.x) > 1 || Math.abs(ndc.y) > 1) continue;
              raycaster.setFromCamera(ndc, camera);
              hits.length = 0;
              for (const x of parts) x.raycast(raycaster, hits);
              if (hits.length > 0) {
                sx += ndc.x;
                sy += ndc.y;
                n++;
              }
            }
          }
          if (n === 0) return null;
          return { x: ((sx / n + 1) / 2) * size.width, y: ((1 - sy / n) / 2) * size.height };
        }
        corner.setFromMatrixPosition(o.matrixWorld).project(camera);
        if (Math.abs(corner.x) > 1 || Math.abs(corner.y) > 1 || corner.z > 1) return null;
        return { x: ((corner.x + 1) / 2) * size.width, y: ((1 - corner.y) / 2) * size.height };
      },
      placeVisitor(x, z, yaw, pitch = 0) {
        player.position.set(x, 0, z);
        player.yaw = yaw;
        player.pitch = pitch;
      },
      standBefore(productId, distance, turn = 0) {
        const product = get().scene.getObjectByName(`product-${productId}`);
        if (!product) return false;
        box.setFromObject(product);
        box.getCenter(corner);
        player.position.set(corner.x, 0, corner.z + distance);
        player.yaw = -turn;
        player.pitch = Math.atan2(corner.y - EYE_HEIGHT, distance);
        return true;
      },
      state() {
        const s = useShowroom.getState();
        const p = productById(s.selectedId);
        return { selectedId: s.selectedId, variantId: p ? variantOf(p).id : null, panel: s.panel, inspecting: s.inspecting, hoveredId: s.hoveredId, uiHover: s.uiHover };
      },
      renderInfo() {
        const info = get().gl.info;
        return { calls: info.render.calls, triangles: info.render.triangles, geometries: info.memory.geometries, textures: info.memory.textures };
      },
    };
    window.showroomDebug = debug;
    return () => {
      if (window.showroomDebug === debug) delete window.showroomDebug;
    };
  }, [get]);
  useFrame((state, _delta, frame?: XRFrame) => {
    const space = state.gl.xr.getReferenceSpace();
    // Only the sources of this frame: a controller put down for hands leaves no stale ray behind.
    xrRays.left.seen = false;
    xrRays.right.seen = false;
    if (frame && space) {
      // Slots written in place and an indexed loop (no iterator): only the browser's own XRPose objects are made per frame.
      const sources = frame.session.inputSources;
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i]!;
        if (source.handedness === 'none') continue;
        const pose = frame.getPose(source.targetRaySpace, space);
        if (!pose) continue;
        const { position: p, orientation: o } = pose.transform;
        rayDirection.set(0, 0, -1).applyQuaternion(quat.set(o.x, o.y, o.z, o.w));
        const ray = xrRays[source.handedness];
        ray.seen = true;
        ray.origin[0] = p.x;
        ray.origin[1] = p.y;
        ray.origin[2] = p.z;
        ray.direction[0] = rayDirection.x;
        ray.direction[1] = rayDirection.y;
        ray.direction[2] = rayDirection.z;
        ray.kind = source.hand ? 'hand' : 'controller';
      }
    }
    const d = window.showroomDebug;
    if (!d) return;
    d.frames++;
    d.firstFrameAt ??= performance.now();
  });
  return null;
}
