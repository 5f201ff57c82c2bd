// Slow project: the shipped models and in-scene fonts are what their generators make now, byte for byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetsDir, designOf, readCatalog } from './build';
import { buildFonts, FONT_WEIGHTS } from './fonts';
import { buildModel } from './gltf';

const catalog = readCatalog();
const files = catalog.products.map((p) => ({ product: p, file: path.join(assetsDir, p.model) }));

describe('product models', () => {
  it('is what the generator makes now, byte for byte (run npm run assets after changing a design)', async () => {
    for (const { product, file } of files) {
      const fresh = await buildModel(product, designOf(product), { layout: 'merged' });
      expect(Buffer.compare(Buffer.from(fresh.bytes), fs.readFileSync(file)), `${product.id}: assets/${product.model} is stale`).toBe(0);
    }
  });
});

describe('in-scene UI fonts', () => {
  it('are what the generator makes now, byte for byte, and cover the euro sign and Nordic letters', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-fonts-'));
    for (const w of FONT_WEIGHTS) fs.copyFileSync(path.join(assetsDir, 'fonts', `inter-latin-${w}-normal.woff`), path.join(dir, `inter-latin-${w}-normal.woff`));
    const names = await buildFonts(dir);
    for (const name of names) {
      for (const file of [name, name.replace('.json', '.png')]) {
        expect(Buffer.compare(fs.readFileSync(path.join(dir, file)), fs.readFileSync(path.join(assetsDir, 'fonts', file))), `assets/fonts/${file} is stale`).toBe(0);
      }
      const font = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { chars: { char: string }[] };
      const chars = new Set(font.chars.map((c) => c.char));
      for (const c of '€£×·ØøÅåÆæÖöÜüé–…') expect(chars.has(c), `${name} lacks "${c}"`).toBe(true);
    }
    fs.rmSync(dir, { recursive: true });
  });
});
