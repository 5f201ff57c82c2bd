// `npm run assets`: rebuilds every product model (assets/models/*.glb) and the in-scene UI fonts from the catalogue.
import fs from 'node:fs';
import path from 'node:path';
import { parseCatalog } from '../catalog-loader';
import type { Catalog, Product } from '../contracts/catalog';
import type { Design } from './design';
import { designs } from './designs';
import { buildFonts } from './fonts';
import { type BuildOptions, buildModel, type BuiltModel } from './gltf';

export const assetsDir = path.resolve(import.meta.dirname, '../../assets');

/** The design of a product, or an error that says where to add one. */
export function designOf(product: Product): Design {
  const design = designs[product.id];
  if (!design) throw new Error(`No model design for product "${product.id}": add one in server/assetgen/designs/ (keyed by product id)`);
  return design;
}

/** Reads and validates the catalogue without requiring its model files to exist yet. */
export function readCatalog(dir = assetsDir): Catalog {
  const file = path.join(dir, 'catalog.json');
  return parseCatalog(JSON.parse(fs.readFileSync(file, 'utf8')), file);
}

/** Builds every product's model into `outDir` (file names from the catalogue's `model` paths). */
export async function buildModels(catalog: Catalog, outDir: string, opts: BuildOptions): Promise<Map<string, BuiltModel>> {
  fs.mkdirSync(outDir, { recursive: true });
  const built = new Map<string, BuiltModel>();
  for (const product of catalog.products) {
    const model = await buildModel(product, designOf(product), opts);
    fs.writeFileSync(path.join(outDir, path.basename(product.model)), model.bytes);
    built.set(product.id, model);
  }
  // Drop models of products that left the catalogue.
  const wanted = new Set(catalog.products.map((p) => path.basename(p.model)));
  for (const f of fs.readdirSync(outDir)) if (f.endsWith('.glb') && !wanted.has(f)) fs.rmSync(path.join(outDir, f));
  return built;
}

async function main() {
  const catalog = readCatalog();
  const built = await buildModels(catalog, path.join(assetsDir, 'models'), { layout: 'merged' });
  let tris = 0;
  let bytes = 0;
  for (const [id, m] of built) {
    console.log(`${id.padEnd(22)} ${String(m.triangles).padStart(7)} triangles  ${m.primitives} primitives  ${(m.bytes.length / 1024).toFixed(1).padStart(6)} KiB`);
    tris += m.triangles;
    bytes += m.bytes.length;
  }
  console.log(`${built.size} models, ${tris} triangles, ${(bytes / 1024).toFixed(0)} KiB in assets/models/`);
  const fonts = await buildFonts(path.join(assetsDir, 'fonts'));
  console.log(`fonts: ${fonts.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
