// Builds the MSDF fonts of the in-scene UI (JSON + PNG atlas per weight) from the shipped Inter WOFF files.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';

/** Every character the in-scene UI can draw (what the shipped Inter Latin subset covers): ASCII, Latin-1, Œ œ, typographic punctuation, €. */
export const FONT_CHARSET = (() => {
  const out: string[] = [];
  for (let c = 0x20; c < 0x7f; c++) out.push(String.fromCharCode(c));
  for (let c = 0xa0; c <= 0xff; c++) if (c !== 0xad) out.push(String.fromCharCode(c)); // not the invisible soft hyphen
  out.push(...'ıŒœ–—‘’‚“”„•…‹›€™−↑↓');
  return [...new Set(out)].join('');
})();

export const FONT_WEIGHTS = [400, 600, 700] as const;
const FONT_SIZE = 42;
const FIELD_RANGE = 4;
const PADDING = 2;
const ATLAS_WIDTH = 1024;

/** Unpacks a WOFF 1.0 file into the TrueType/OpenType (sfnt) bytes FreeType reads. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 file');
  const flavor = woff.readUInt32BE(4);
  const n = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < n; i++) {
    const o = 44 + i * 20;
    const [tag, off, comp, orig, checksum] = [0, 4, 8, 12, 16].map((k) => woff.readUInt32BE(o + k)) as [number, number, number, number, number];
    const raw = woff.subarray(off, off + comp);
    tables.push({ tag, checksum, data: comp < orig ? zlib.inflateSync(raw) : Buffer.from(raw) });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const es = Math.floor(Math.log2(n));
  const sr = 2 ** es * 16;
  const head = Buffer.alloc(12 + 16 * n);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(n, 4);
  head.writeUInt16BE(sr, 6);
  head.writeUInt16BE(es, 8);
  head.writeUInt16BE(n * 16 - sr, 10);
  let offset = head.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    head.writeUInt32BE(t.tag, r);
    head.writeUInt32BE(t.checksum, r + 4);
    head.writeUInt32BE(offset, r + 8);
    head.writeUInt32BE(t.data.length, r + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([head, ...bodies]);
}

interface MsdfModule {
  Font: new () => MsdfFont;
  VectorUnsignedChar: new () => { push_back(b: number): void; delete(): void };
}
interface MsdfFont {
  loadFromMemory(v: unknown): boolean;
  getMetrics(): { emSize: number; ascender: number; descender: number; lineHeight: number };
  getGlyphShape(code: number): { advance: number; left: number; bottom: number; right: number; top: number };
  generateMSDFWithOverlapFix(code: number, w: number, h: number, range: number, tx: number, ty: number, scale: number): { data: { get(i: number): number | undefined; delete(): void } };
  getKerning(a: number, b: number): number;
  delete(): void;
}

async function msdfModule(): Promise<MsdfModule> {
  const dir = path.dirname(fileURLToPathSafe(import.meta.resolve('@zappar/msdf-generator')));
  const create = (await import(path.join(dir, 'msdfgen_wasm.js'))).default as (o: object) => Promise<MsdfModule>;
  return create({ wasmBinary: fs.readFileSync(path.join(dir, 'msdfgen_wasm.wasm')), print: () => undefined });
}

function fileURLToPathSafe(u: string): string {
  return u.startsWith('file:') ? new URL(u).pathname : u;
}

/** One weight: an MSDF atlas (RGB in a PNG) and the BMFont-style JSON @react-three/uikit reads. */
function buildWeight(mod: MsdfModule, sfnt: Buffer, name: string): { json: object; png: Buffer } {
  const font = new mod.Font();
  const vec = new mod.VectorUnsignedChar();
  for (const b of sfnt) vec.push_back(b);
  if (!font.loadFromMemory(vec)) throw new Error(`${name}: the font could not be read`);
  vec.delete();
  const metrics = font.getMetrics();
  const scale = FONT_SIZE / metrics.emSize;
  const baseline = metrics.ascender * scale;
  const pad = Math.floor(FIELD_RANGE / 2);
  const chars = [...FONT_CHARSET];
  const glyphs: { char: string; code: number; x: number; y: number; w: number; h: number; xoffset: number; yoffset: number; advance: number; pixels: Uint8Array }[] = [];
  let x = 0;
  let y = 0;
  let rowH = 0;
  for (const char of chars) {
    const code = char.codePointAt(0)!;
    const s = font.getGlyphShape(code);
    if (s.advance === 0 && char !== ' ' && char !== '\u00a0') throw new Error(`${name}: the font has no glyph for "${char}" (U+${code.toString(16)})`);
    const left = Math.floor(s.left * scale);
    const bottom = Math.floor(s.bottom * scale);
    const right = Math.ceil(s.right * scale);
    const top = Math.ceil(s.top * scale);
    const w = right - left + pad * 2;
    const h = top - bottom + pad * 2;
    if (x + w > ATLAS_WIDTH) {
      x = 0;
      y += rowH + PADDING;
      rowH = 0;
    }
    const tx = 0.5 * (w / scale - (s.right - s.left)) - s.left;
    const ty = Math.round((0.5 * (h / scale - (s.top - s.bottom)) - s.bottom) * scale) / scale;
    const res = font.generateMSDFWithOverlapFix(code, w, h, FIELD_RANGE, tx, ty, scale);
    const pixels = new Uint8Array(w * h * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = res.data.get(i) ?? 0;
    res.data.delete();
    glyphs.push({ char, code, x, y, w, h, xoffset: left - pad, yoffset: baseline - top - pad, advance: s.advance * scale, pixels });
    x += w + PADDING;
    rowH = Math.max(rowH, h);
  }
  const height = Math.ceil((y + rowH) / 64) * 64;
  const png = new PNG({ width: ATLAS_WIDTH, height, colorType: 2, inputHasAlpha: false });
  png.data = Buffer.alloc(ATLAS_WIDTH * height * 3);
  for (const g of glyphs) {
    for (let py = 0; py < g.h; py++) {
      const src = py * g.w * 3;
      png.data.set(g.pixels.subarray(src, src + g.w * 3), ((g.y + py) * ATLAS_WIDTH + g.x) * 3);
    }
  }
  const kernings: { first: number; second: number; amount: number }[] = [];
  for (const a of glyphs) {
    for (const b of glyphs) {
      const k = font.getKerning(a.code, b.code) * scale;
      if (k !== 0) kernings.push({ first: a.code, second: b.code, amount: Math.round(k * 1000) / 1000 });
    }
  }
  font.delete();
  const json = {
    pages: [`${name}.png`],
    chars: glyphs.map((g, index) => ({ id: g.code, index, char: g.char, width: g.w, height: g.h, xoffset: g.xoffset, yoffset: g.yoffset, xadvance: Math.round(g.advance * 1000) / 1000, chnl: 15, x: g.x, y: g.y, page: 0 })),
    info: { face: 'Inter', size: FONT_SIZE, bold: 0, italic: 0, charset: glyphs.map((g) => g.char), unicode: 1, stretchH: 100, smooth: 1, aa: 1, padding: [pad, pad, pad, pad], spacing: [0, 0], outline: 0 },
    common: { lineHeight: Math.round(metrics.lineHeight * scale * 1000) / 1000, base: Math.round(baseline * 1000) / 1000, scaleW: ATLAS_WIDTH, scaleH: height, pages: 1, packed: 0, alphaChnl: 0, redChnl: 0, greenChnl: 0, blueChnl: 0 },
    distanceField: { fieldType: 'msdf', distanceRange: FIELD_RANGE },
    kernings,
  };
  return { json, png: PNG.sync.write(png, { colorType: 2, inputHasAlpha: false, deflateLevel: 9 }) };
}

/** Writes `inter-msdf-<weight>.json/.png` into `fontsDir`; returns the JSON file names. */
export async function buildFonts(fontsDir: string): Promise<string[]> {
  const mod = await msdfModule();
  const written: string[] = [];
  for (const weight of FONT_WEIGHTS) {
    const name = `inter-msdf-${weight}`;
    const sfnt = woffToSfnt(fs.readFileSync(path.join(fontsDir, `inter-latin-${weight}-normal.woff`)));
    const { json, png } = buildWeight(mod, sfnt, name);
    fs.writeFileSync(path.join(fontsDir, `${name}.json`), `${JSON.stringify(json)}\n`);
    fs.writeFileSync(path.join(fontsDir, `${name}.png`), png);
    written.push(`${name}.json`);
  }
  return written;
}
