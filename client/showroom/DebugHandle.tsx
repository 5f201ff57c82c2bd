// Exposes read-only facts about the rendered scene on `window.showroomDebug`, for automation and benchmarks.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, Raycaster, Vector2, Vector3, type Object3D } from 'three';
import { player } from './player';
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
        o.updateWorldMatrix(true, false);
        corner.setFromMatrixPosition(o.matrixWorld).project(camera);
        if (Math.abs(corner.x) > 1 || Math.abs(corner.y) > 1 || corner.z > 1) return null;
        return { x: ((corner.x + 1) / 2) * size.width, y: ((1 - corner.y) / 2) * size.height };
      },
      placeVisitor(x, z, yaw, pitch = 0) {
        player.position.set(x, 0, z);
        player.yaw = yaw;
        player.pitch = pitch;
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
