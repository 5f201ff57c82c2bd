// Turns a product's parts into a glTF binary: PBR materials, variants as KHR_materials_variants, meshopt-compressed geometry.
import { Document, Logger, type Material, NodeIO, type Primitive } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMaterialsVariants, KHRMeshQuantization } from '@gltf-transform/extensions';
import { meshopt, prune } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import type { Product } from '../contracts/catalog';
import type { Design, Part, PartMaterial } from './design';
import { fixed, type Pbr, variantPbr } from './materials';
import { type Mesh, merge } from './mesh';

export interface BuildOptions {
  /**
   * `merged` (what the showroom ships): one primitive per material. `naive`: one node and mesh per part,
   * uncompressed, which is how the render benchmark's baseline draws.
   */
  layout: 'merged' | 'naive';
}

export interface BuiltModel {
  bytes: Uint8Array;
  triangles: number;
  primitives: number;
}

function makeMaterial(doc: Document, name: string, pbr: Pbr): Material {
  const m = doc
    .createMaterial(name)
    .setBaseColorFactor([...pbr.color, pbr.opacity ?? 1])
    .setRoughnessFactor(pbr.roughness)
    .setMetallicFactor(pbr.metalness)
    .setDoubleSided(pbr.doubleSided ?? false);
  if (pbr.emissive) m.setEmissiveFactor(pbr.emissive);
  if ((pbr.opacity ?? 1) < 1) m.setAlphaMode('BLEND');
  return m;
}

function primitiveOf(doc: Document, mesh: Mesh, tints: { count: number; tint: [number, number, number] }[] | null): Primitive {
  const buffer = doc.getRoot().listBuffers()[0]!;
  const vertexCount = mesh.positions.length / 3;
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(mesh.positions)).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(mesh.normals)).setBuffer(buffer))
    .setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(mesh.uvs)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(vertexCount < 65536 ? new Uint16Array(mesh.indices) : new Uint32Array(mesh.indices)).setBuffer(buffer));
  if (tints) {
    const colours = new Float32Array(vertexCount * 3);
    let v = 0;
    for (const { count, tint } of tints) for (let i = 0; i < count; i++, v++) colours.set(tint, v * 3);
    prim.setAttribute('COLOR_0', doc.createAccessor().setType('VEC3').setArray(colours).setBuffer(buffer));
  }
  return prim;
}

/** Builds the glTF binary of one product from its design. Same input, same bytes. */
export async function buildModel(product: Product, design: Design, opts: BuildOptions): Promise<BuiltModel> {
  const doc = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  doc.getRoot().getAsset().generator = 'Showroom model generator';
  doc.createBuffer();
  const variantsExt = doc.createExtension(KHRMaterialsVariants);
  const parts = design.build(product.dimensions);

  const variants = product.variants.map((v) => ({ variant: variantsExt.createVariant(v.id), material: makeMaterial(doc, `variant-${v.id}`, variantPbr(v, design.mainGlow ?? 0)) }));
  const fixedMaterials = new Map<PartMaterial, Material>();
  const materialFor = (key: PartMaterial): Material => {
    if (key === 'main') return variants[0]!.material;
    let m = fixedMaterials.get(key);
    if (!m) fixedMaterials.set(key, (m = makeMaterial(doc, key, fixed[key])));
    return m;
  };
  const withVariants = (prim: Primitive, key: PartMaterial) => {
    prim.setMaterial(materialFor(key));
    if (key !== 'main') return prim;
    const list = variantsExt.createMappingList();
    for (const v of variants) list.addMapping(variantsExt.createMapping().setMaterial(v.material).addVariant(v.variant));
    return prim.setExtension('KHR_materials_variants', list);
  };

  const root = doc.createNode(product.id);
  doc.createScene(product.id).addChild(root);
  let triangles = 0;
  let primitives = 0;

  if (opts.layout === 'merged') {
    // Group parts by material, in first-use order, so each material is drawn once.
    const groups = new Map<PartMaterial, Part[]>();
    for (const p of parts) groups.set(p.material, [...(groups.get(p.material) ?? []), p]);
    const mesh = doc.createMesh(product.id);
    for (const [key, group] of groups) {
      const merged = merge(group.map((g) => g.mesh));
      const tints = group.some((g) => g.tint) ? group.map((g) => ({ count: g.mesh.positions.length / 3, tint: g.tint ?? ([1, 1, 1] as [number, number, number]) })) : null;
      mesh.addPrimitive(withVariants(primitiveOf(doc, merged, tints), key));
      triangles += merged.indices.length / 3;
      primitives++;
    }
    root.setMesh(mesh);
  } else {
    for (const p of parts) {
      const mesh = doc.createMesh(p.name).addPrimitive(withVariants(primitiveOf(doc, p.mesh, p.tint ? [{ count: p.mesh.positions.length / 3, tint: p.tint }] : null), p.material));
      root.addChild(doc.createNode(p.name).setMesh(mesh));
      triangles += p.mesh.indices.length / 3;
      primitives++;
    }
  }

  await doc.transform(prune());
  const io = new NodeIO().registerExtensions([KHRMaterialsVariants, EXTMeshoptCompression, KHRMeshQuantization]);
  if (opts.layout === 'merged') {
    await MeshoptEncoder.ready;
    io.registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
    await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'medium' }));
  }
  return { bytes: await io.writeBinary(doc), triangles, primitives };
}
