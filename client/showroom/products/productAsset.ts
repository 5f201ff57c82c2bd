// Loads a product's glTF (meshopt decoder from the app bundle) and resolves its KHR_materials_variants materials.
import { type BufferGeometry, type Material, Matrix4, type Mesh, type MeshStandardMaterial } from 'three';
import { type GLTF, GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

/** One drawable part of a product: geometry in product space and its material per variant. */
export interface AssetPart {
  geometry: BufferGeometry;
  /** Transform from the glTF node into product space (quantisation scale and offset included). */
  matrix: Matrix4;
  /** Material for each variant id; parts that do not change with the variant map every id to one material. */
  materials: Map<string, Material>;
  /** The material when a variant id is unknown. */
  fallback: Material;
}

export interface ProductAsset {
  parts: AssetPart[];
  /** Every material of the product (for hover highlight). */
  allMaterials: Material[];
}

const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
const cache = new Map<string, Promise<ProductAsset>>();

interface VariantMapping {
  material: number;
  variants: number[];
}

async function toAsset(gltf: GLTF): Promise<ProductAsset> {
  const names: string[] = (gltf.parser.json.extensions?.KHR_materials_variants?.variants ?? []).map((v: { name: string }) => v.name);
  const meshes: Mesh[] = [];
  gltf.scene.updateMatrixWorld(true);
  gltf.scene.traverse((o) => {
    if ((o as Mesh).isMesh) meshes.push(o as Mesh);
  });
  const all = new Set<Material>();
  const parts = await Promise.all(
    meshes.map(async (mesh) => {
      const fallback = mesh.material as Material;
      all.add(fallback);
      const materials = new Map<string, Material>();
      const mappings: VariantMapping[] = mesh.userData.gltfExtensions?.KHR_materials_variants?.mappings ?? [];
      for (const m of mappings) {
        const material = (await gltf.parser.getDependency('material', m.material)) as MeshStandardMaterial;
        all.add(material);
        for (const v of m.variants) if (names[v]) materials.set(names[v], material);
      }
      return { geometry: mesh.geometry, matrix: mesh.matrixWorld.clone(), materials, fallback };
    }),
  );
  return { parts, allMaterials: [...all] };
}

/** Loads (once per URL) and prepares a product model. */
export function loadProductAsset(url: string): Promise<ProductAsset> {
  let p = cache.get(url);
  if (!p) {
    p = loader.loadAsync(url).then(toAsset);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  return p;
}

/** The material of a part for a variant. */
export function materialFor(part: AssetPart, variantId: string): Material {
  return part.materials.get(variantId) ?? part.fallback;
}
