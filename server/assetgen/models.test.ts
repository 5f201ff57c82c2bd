// The shipped models: valid glTF (Khronos validator), real-world size, variants as in the catalogue (regeneration checks: regenerate.slow.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { type Document, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression, KHRMaterialsVariants, KHRMeshQuantization } from '@gltf-transform/extensions';
import { getBounds } from '@gltf-transform/functions';
import validator from 'gltf-validator';
import { MeshoptDecoder } from 'meshoptimizer';
import { beforeAll, describe, expect, it } from 'vitest';
import { assetsDir, readCatalog } from './build';

const catalog = readCatalog();
let io: NodeIO;

beforeAll(async () => {
  await MeshoptDecoder.ready;
  io = new NodeIO().registerExtensions([KHRMaterialsVariants, EXTMeshoptCompression, KHRMeshQuantization]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
});

const files = catalog.products.map((p) => ({ product: p, file: path.join(assetsDir, p.model) }));

async function validate(bytes: Uint8Array) {
  const report = await validator.validateBytes(bytes, { maxIssues: 100 });
  return { errors: report.issues.numErrors, warnings: report.issues.numWarnings, messages: report.issues.messages.map((m) => `${m.code} ${m.pointer ?? ''}: ${m.message}`) };
}

/** The file with its meshopt streams decoded and written out plainly, so the validator can check the geometry itself. */
async function decoded(bytes: Uint8Array): Promise<{ doc: Document; bytes: Uint8Array }> {
  const doc = await io.readBinary(bytes);
  for (const ext of doc.getRoot().listExtensionsUsed()) if (ext.extensionName === 'EXT_meshopt_compression') ext.dispose();
  return { doc, bytes: await io.writeBinary(doc) };
}

describe('product models', () => {
  it('has a model file for every product', () => {
    for (const { file } of files) expect(fs.existsSync(file), file).toBe(true);
    expect(fs.readdirSync(path.join(assetsDir, 'models')).filter((f) => f.endsWith('.glb')).length).toBe(catalog.products.length);
  });

  it.each(files.map((f) => [f.product.id, f] as const))('%s passes the glTF validator, compressed and decoded', async (_id, { file }) => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const shipped = await validate(bytes);
    expect(shipped.errors, shipped.messages.join('\n')).toBe(0);
    const json = JSON.parse(Buffer.from(bytes.subarray(20, 20 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true))).toString('utf8')) as { extensionsRequired?: string[] };
    expect(json.extensionsRequired).toContain('EXT_meshopt_compression');
    const plain = await validate((await decoded(bytes)).bytes);
    expect(plain.errors, plain.messages.join('\n')).toBe(0);
    expect(plain.warnings, plain.messages.join('\n')).toBe(0);
  });

  it.each(files.map((f) => [f.product.id, f] as const))('%s is the size the catalogue says and offers its variants', async (_id, { product, file }) => {
    const { doc } = await decoded(new Uint8Array(fs.readFileSync(file)));
    const { min, max } = getBounds(doc.getRoot().listScenes()[0]!);
    const { width, depth, height } = product.dimensions;
    // Within 3 cm or 6 % of the catalogue, whichever is larger, on every axis; standing on the floor.
    const near = (got: number, want: number) => expect(Math.abs(got - want), `${got.toFixed(3)} vs ${want}`).toBeLessThanOrEqual(Math.max(0.03, want * 0.06));
    near(max[0] - min[0], width);
    near(max[1] - min[1], height);
    near(max[2] - min[2], depth);
    expect(Math.abs(min[1])).toBeLessThan(0.005);
    const ext = doc.getRoot().listExtensionsUsed().find((e) => e.extensionName === 'KHR_materials_variants') as KHRMaterialsVariants;
    const variants = ext.listVariants().map((v) => v.getName());
    expect(variants).toEqual(product.variants.map((v) => v.id));
  });
});
