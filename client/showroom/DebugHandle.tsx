// Exposes read-only facts about the rendered scene on `window.showroomDebug`, for automation and benchmarks.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, type Intersection, Raycaster, Sphere, Vector2, Vector3, type Object3D } from 'three';
import { EYE_HEIGHT, player } from './player';
import { productById, useShowroom, variantOf } from './store';

export interface ShowroomDebug {
  /** Frames rendered so far. */
  frames: number;
  /** A canvas pixel (CSS px) where the product is visible and hit first, or null if it is not in view. */
  productScreenPoint(id: string): { x: number; y: number } | null;
  /** Draw calls, triangles, geometries and textures of the last frame. */
  renderInfo(): { calls: number; triangles: number; geometries: number; textures: number };
  /** performance.now() of the first rendered frame, ms. */
  firstFrameAt: number | null;
  /** Product models loaded so far and in all. */
  models(): { loaded: number; total: number };
  /** The canvas pixel (CSS px) at the centre of the named object (e.g. a panel button), or null if it is not in view. */
  objectScreenPoint(name: string): { x: number; y: number } | null;
  /** Puts the visitor at (x, z) on the floor, looking along yaw and pitch (radians). For screenshots and benchmarks. */
  placeVisitor(x: number, z: number, yaw: number, pitch?: number): void;
  /**
   * Puts the visitor `distance` metres in front of a product (on the aisle side), looking at it, turned `turn`
   * radians to the right so the product sits left of centre (the product panel opens on the right).
   */
  standBefore(productId: string, distance: number, turn?: number): boolean;
  /** What is selected, its variant, and which panel is open. */
  state(): { selectedId: string | null; variantId: string | null; panel: string | null; inspecting: boolean; hoveredId: string | null };
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
      firstFrameAt: null,
      models: () => ({ ...useShowroom.getState().loading }),
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
        return { selectedId: s.selectedId, variantId: p ? variantOf(p).id : null, panel: s.panel, inspecting: s.inspecting, hoveredId: s.hoveredId };
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
  useFrame(() => {
    const d = window.showroomDebug;
    if (!d) return;
    d.frames++;
    d.firstFrameAt ??= performance.now();
  });
  return null;
}
