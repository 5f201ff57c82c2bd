// Exposes read-only facts about the rendered scene on `window.showroomDebug`, for automation and benchmarks.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Box3, Raycaster, Vector2, Vector3, type Object3D } from 'three';
import { requestTeleport } from './input/intents';
import { EYE_HEIGHT, player } from './player';
import { useShowroom } from './store';
import { SEATED_OFFSET, useXRPreferences } from './xr/preferences';

export interface ShowroomDebug {
  /** Frames rendered so far. */
  frames: number;
  /** A canvas pixel (CSS px) where the product is visible and hit first, or null if it is not in view. */
  productScreenPoint(id: string): { x: number; y: number } | null;
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
  /** Moves the visitor to a floor point, as a teleport would. */
  teleport(x: number, z: number): void;
  /** Turns the desktop view to face the product (for automation that needs it in the centre). */
  faceProduct(id: string): boolean;
  /** Draw calls, triangles, geometries and textures of the last frame. */
  renderInfo(): { calls: number; triangles: number; geometries: number; textures: number };
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
      hoveredProduct() {
        return useShowroom.getState().hoveredId;
      },
      player() {
        return { x: player.position.x, z: player.position.z, yaw: player.yaw, pitch: player.pitch };
      },
      worldToXROrigin(p) {
        const c = Math.cos(-player.yaw);
        const s = Math.sin(-player.yaw);
        const x = p.x - player.position.x;
        const z = p.z - player.position.z;
        const y = p.y - (useXRPreferences.getState().seated ? SEATED_OFFSET : 0);
        return { x: x * c + z * s, y, z: -x * s + z * c };
      },
      teleport(x, z) {
        requestTeleport(x, z);
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
    if (window.showroomDebug) window.showroomDebug.frames++;
  });
  return null;
}
