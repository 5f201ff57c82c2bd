// The catalogue schema: the shipped catalogue is valid; a broken one is refused naming entry and field.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogFile, parseCatalog } from './catalog-loader';
import { projectRoot } from './config';

const assets = path.join(projectRoot, 'assets');
const good = JSON.parse(fs.readFileSync(path.join(assets, 'catalog.json'), 'utf8')) as {
  zones: Record<string, unknown>[];
  products: Record<string, unknown>[];
};
const broken = (edit: (c: typeof good) => void) => {
  const c = structuredClone(good);
  edit(c);
  return c;
};

describe('catalogue', () => {
  it('ships a valid catalogue of at least 24 products in 4 categories with 2 variants each', () => {
    const c = loadCatalogFile(assets);
    expect(c.products.length).toBeGreaterThanOrEqual(24);
    expect(new Set(c.products.map((p) => p.category)).size).toBeGreaterThanOrEqual(4);
    for (const p of c.products) expect(p.variants.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a negative price', (c: typeof good) => (c.products[3]!.price = -5), /products\[3\] \(product "[a-z-]+"\)\.price: /],
    ['a price with 3 decimals', (c: typeof good) => (c.products[0]!.price = 1.234), /products\[0\] \(product "oslo-chair"\)\.price: must have at most 2 decimals/],
    ['a bad colour', (c: typeof good) => ((c.products[1]!.variants as { color: string }[])[0]!.color = 'blue'), /products\[1\] \(product "bergen-armchair"\)\.variants\[0\]\.color: must be a colour/],
    ['a duplicate id', (c: typeof good) => (c.products[2]!.id = 'oslo-chair'), /products\[2\] \(product "oslo-chair"\)\.id: duplicates the id of products\[0\]/],
    ['a category without zone', (c: typeof good) => (c.products[5]!.category = 'garden'), /products\[5\].*\.category: "garden" has no zone/],
    ['a missing name', (c: typeof good) => delete c.products[4]!.name, /products\[4\] \(product "[a-z-]+"\)\.name: /],
    ['dimensions over 10 m', (c: typeof good) => ((c.products[0]!.dimensions as { width: number }).width = 40), /products\[0\].*dimensions\.width: must be at most 10/],
    ['a product without a model', (c: typeof good) => delete c.products[6]!.model, /products\[6\] \(product "[a-z-]+"\)\.model: /],
    ['a model path outside models/', (c: typeof good) => (c.products[7]!.model = '../secret.glb'), /products\[7\].*\.model: must be a path like "models\/oslo-chair\.glb"/],
    ['an unknown display kind', (c: typeof good) => (c.products[8]!.display = 'shelf'), /products\[8\].*\.display: /],
    ['a metalness above 1', (c: typeof good) => ((c.products[3]!.variants as { metalness: number }[])[1]!.metalness = 2), /products\[3\].*\.variants\[1\]\.metalness: /],
  ])('refuses %s with the entry and field in the message', (_what, edit, message) => {
    expect(() => parseCatalog(broken(edit))).toThrow(message);
  });

  it('refuses a catalogue whose model file is missing, naming the product and the fix', () => {
    const c = broken((x) => (x.products[2]!.model = 'models/no-such-sofa.glb'));
    expect(() => parseCatalog(c, 'catalog.json', assets)).toThrow(/products\[2\]\.model \(product "fjord-sofa"\): models\/no-such-sofa\.glb not found in .*; run npm run assets/);
  });
});
