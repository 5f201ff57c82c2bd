// `npm run bench:render`: renders the default showroom and a 200-instance stress showroom in headless Chromium, the
// shipped way (merged parts, instancing, batched labels) and the naive way (a mesh per part, no instancing), and
// prints draw calls, triangles, geometries, textures, median ms per frame and the ratios, all from the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildModels, readCatalog } from '../../server/assetgen/build';
import { buildClientIfNeeded } from '../../server/build-client';
import { loadConfig, projectRoot } from '../../server/config';
import { startServer } from '../../server/server';
import { launchBrowser, watchPage } from '../helpers/browser';

const STRESS = Number(process.env.BENCH_STRESS ?? 200);
const FRAMES = 120;
/** Viewpoints (x, z, yaw): the entrance, and the two ends of the hall looking across it. The worst one counts. */
const VIEWS: [number, number, number][] = [
  [0, 2.6, 0],
  [-12, 3.5, -0.7],
  [12, 3.5, 0.7],
];

// Page scripts as source text (the bundler's helpers would not exist in the page).
const AFTER_FRAMES = `new Promise((done) => { let n = 0; const tick = () => (++n > 4 ? done() : requestAnimationFrame(tick)); requestAnimationFrame(tick); })`;
const MEDIAN_FRAME_MS = `new Promise((done) => {
  const times = [];
  let last = performance.now();
  const tick = (t) => {
    times.push(t - last);
    last = t;
    if (times.length < ${FRAMES} + 5) requestAnimationFrame(tick);
    else { const d = times.slice(5).sort((a, b) => a - b); done(d[Math.floor(d.length / 2)]); }
  };
  requestAnimationFrame(tick);
})`;

interface Figures {
  calls: number;
  triangles: number;
  geometries: number;
  textures: number;
  msPerFrame: number;
  firstFrameMs: number;
  loadedMs: number;
}

async function measure(page: Page, url: string, views: [number, number, number][]): Promise<Figures> {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => {
    const d = window.showroomDebug;
    return !!d && d.frames > 2 && d.models().total > 0 && d.models().loaded >= d.models().total;
  }, undefined, { timeout: 240_000 });
  const loadedMs = Date.now() - t0;
  const firstFrameMs = (await page.evaluate(() => window.showroomDebug!.firstFrameAt!)) ?? 0;
  let worst = { calls: 0, triangles: 0, geometries: 0, textures: 0 };
  for (const [x, z, yaw] of views) {
    await page.evaluate(([x, z, yaw]) => window.showroomDebug!.placeVisitor(x!, z!, yaw!, -0.12), [x, z, yaw]);
    // Let a few frames pass so the view and the counters settle.
    await page.evaluate(AFTER_FRAMES);
    const info = await page.evaluate(() => window.showroomDebug!.renderInfo());
    if (info.calls > worst.calls) worst = info;
  }
  await page.evaluate(([x, z, yaw]) => window.showroomDebug!.placeVisitor(x!, z!, yaw!, -0.12), views[0]!);
  const msPerFrame = (await page.evaluate(MEDIAN_FRAME_MS)) as number;
  return { ...worst, msPerFrame, firstFrameMs, loadedMs };
}

async function main() {
  console.log('Preparing: client build, naive per-part models...');
  await buildClientIfNeeded((l) => console.log(l));
  // An assets folder with the shipped files plus per-part models for the naive baseline.
  const assets = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-bench-assets-'));
  const shipped = path.join(projectRoot, 'assets');
  for (const name of fs.readdirSync(shipped)) fs.symlinkSync(path.join(shipped, name), path.join(assets, name));
  await buildModels(readCatalog(), path.join(assets, 'models-naive'), { layout: 'naive' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-bench-data-'));
  const base = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHOWROOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const server = await startServer({ ...base, assetsDir: assets });
  const browser = await launchBrowser();
  const results: Record<string, Figures> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page, server.url);
    const runs: [string, string, [number, number, number][]][] = [
      ['showroom', '/', VIEWS],
      ['showroom naive', '/?naive=1', VIEWS],
      [`stress ${STRESS}`, `/?stress=${STRESS}`, [[0, 4.4, 0]]],
      [`stress ${STRESS} naive`, `/?stress=${STRESS}&naive=1`, [[0, 4.4, 0]]],
    ];
    for (const [name, url, views] of runs) {
      process.stdout.write(`  measuring ${name}... `);
      // Full quality (MSAA, device pixels) as on a GPU: without it a software renderer draws at half resolution.
      results[name] = await measure(page, `${server.url}${url}${url.includes('?') ? '&' : '?'}render=full`, views);
      console.log('done');
    }
    if (watch.foreign.length > 0) throw new Error(`the page requested other hosts: ${watch.foreign.join(', ')}`);
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(assets, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const rows = Object.entries(results);
  console.log(`\nRender benchmark (headless Chromium, SwiftShader; ${os.cpus().length} cores; median of ${FRAMES} frames; worst of the viewpoints)\n`);
  console.log('| scene | draw calls | triangles | geometries | textures | ms/frame | first frame ms | all models ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, f] of rows) {
    console.log(`| ${name} | ${f.calls} | ${f.triangles} | ${f.geometries} | ${f.textures} | ${f.msPerFrame.toFixed(1)} | ${f.firstFrameMs.toFixed(0)} | ${f.loadedMs} |`);
  }
  const ratio = (a: string, b: string, k: keyof Figures) => (results[b]![k] as number) / Math.max(1e-9, results[a]![k] as number);
  const s = `stress ${STRESS}`;
  console.log('\nNaive / shipped ratios (higher = the shipped way is cheaper):');
  for (const [a, b] of [['showroom', 'showroom naive'], [s, `${s} naive`]] as const) {
    console.log(`  ${a}: draw calls ${ratio(a, b, 'calls').toFixed(1)}x, geometries ${ratio(a, b, 'geometries').toFixed(1)}x, ms/frame ${ratio(a, b, 'msPerFrame').toFixed(2)}x`);
  }
  const d = results.showroom!;
  const st = results[s]!;
  const checks: [string, boolean][] = [
    [`showroom under 100 draw calls (${d.calls})`, d.calls < 100],
    [`showroom under 750k triangles (${d.triangles})`, d.triangles < 750_000],
    [`stress showroom under 150 draw calls (${st.calls})`, st.calls < 150],
    [`at least 3x fewer draw calls than naive (showroom ${ratio('showroom', 'showroom naive', 'calls').toFixed(1)}x, stress ${ratio(s, `${s} naive`, 'calls').toFixed(1)}x)`, ratio('showroom', 'showroom naive', 'calls') >= 3 && ratio(s, `${s} naive`, 'calls') >= 3],
  ];
  console.log('\nTargets:');
  for (const [what, ok] of checks) console.log(`  ${ok ? 'met ' : 'MISSED'} ${what}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
