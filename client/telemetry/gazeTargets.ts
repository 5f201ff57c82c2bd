// Finds the product groups (`product-<id>`) in the scene and keeps each one's bounds in its own space, recomputed only when its model changes.
import { Box3, Matrix4, Vector3, type BufferGeometry, type InstancedMesh, type Mesh, type Object3D } from 'three';

export const PRODUCT_PREFIX = 'product-';

export interface GazeTarget {
  productId: string;
  object: Object3D;
  /** Bounds in the product group's own space (so moving or turning the product needs no recomputation). */
  box: Box3;
  /** Bounding sphere in the group's space: centre and radius, metres. */
  center: Vector3;
  radius: number;
  /** Fingerprint of the meshes and geometries under the group; a change means the model changed. */
  signature: number;
}

const inverse = new Matrix4();
const relative = new Matrix4();
const part = new Box3();

/** The geometry that draws `o`: a mesh's own, or a drei `<Instance>`'s shared one. */
function geometryOf(o: Object3D): BufferGeometry | null {
  if ((o as Mesh).isMesh) return (o as Mesh).geometry ?? null;
  const inst = (o as { instance?: { current?: { geometry?: BufferGeometry } } }).instance;
  return inst?.current?.geometry ?? null;
}

function signatureOf(group: Object3D): number {
  let sig = 17;
  group.traverse((o) => {
    const g = geometryOf(o);
    if (g) sig = (Math.imul(sig, 31) + g.id * 7 + ((o as InstancedMesh).isInstancedMesh ? (o as InstancedMesh).count : 0)) | 0;
  });
  return sig;
}

/** Bounds of everything drawn under `group`, in `group`'s space; empty when nothing is drawn. */
export function localBounds(group: Object3D, out: Box3): Box3 {
  out.makeEmpty();
  group.updateWorldMatrix(true, true);
  inverse.copy(group.matrixWorld).invert();
  group.traverse((o) => {
    const g = geometryOf(o);
    if (!g) return;
    if ((o as InstancedMesh).isInstancedMesh) {
      const im = o as InstancedMesh;
      if (!im.boundingBox) im.computeBoundingBox();
      part.copy(im.boundingBox!);
    } else {
      if (!g.boundingBox) g.computeBoundingBox();
      part.copy(g.boundingBox!);
    }
    if (part.isEmpty()) return;
    relative.multiplyMatrices(inverse, o.matrixWorld);
    out.union(part.applyMatrix4(relative));
  });
  return out;
}

/** The gaze targets of a scene, rescanned on a slow cadence (new products, removed ones, changed models). */
export class GazeTargets {
  list: GazeTarget[] = [];
  /** How many times bounds were computed (a model loaded or changed). */
  boundsComputed = 0;
  private readonly byObject = new Map<Object3D, GazeTarget>();
  private readonly seen = new Set<Object3D>();

  /** `isProduct` says whether a `product-<id>` name is a real product (other objects may share the prefix). */
  constructor(private readonly isProduct: (productId: string) => boolean = () => true) {}

  /** Walks the scene once: adds new product groups, drops removed ones, recomputes bounds whose models changed. */
  scan(scene: Object3D): void {
    this.seen.clear();
    scene.traverse((o) => {
      if (!o.name.startsWith(PRODUCT_PREFIX) || !this.isProduct(o.name.slice(PRODUCT_PREFIX.length))) return;
      this.seen.add(o);
      const signature = signatureOf(o);
      const known = this.byObject.get(o);
      if (known && known.signature === signature) return;
      const t = known ?? { productId: o.name.slice(PRODUCT_PREFIX.length), object: o, box: new Box3(), center: new Vector3(), radius: 0, signature };
      t.signature = signature;
      localBounds(o, t.box);
      this.boundsComputed++;
      if (t.box.isEmpty()) {
        this.byObject.delete(o);
        return;
      }
      t.box.getCenter(t.center);
      t.radius = t.box.max.distanceTo(t.center);
      this.byObject.set(o, t);
    });
    for (const o of this.byObject.keys()) if (!this.seen.has(o)) this.byObject.delete(o);
    this.list = [...this.byObject.values()];
  }
}
