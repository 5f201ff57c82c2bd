// Bundles the server and the `showroom` command once with esbuild, so tests spawn plain `node` instead of tsx.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { root } from './server';

/** Where the bundles go: `serve.mjs` (test/helpers/serveForTests.ts) and `cli.mjs` (server/cli.ts). */
export const serverBundleDir = path.join(root, 'dist', 'test-server');
const stampFile = path.join(serverBundleDir, '.build-hash');
const inputs = ['server', 'test/helpers/serveForTests.ts', 'package-lock.json', 'tsconfig.json'];

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!fs.existsSync(target)) return;
  if (fs.statSync(target).isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) hashTree(hash, path.join(target, name));
  } else {
    hash.update(path.relative(root, target)).update('\0').update(fs.readFileSync(target)).update('\0');
  }
}

/**
 * Code that finds files next to itself (migrations, assets, the project root) reads import.meta.dirname and
 * import.meta.url; in one bundle those would name dist/. This plugin gives each source file its own values back.
 */
const keepSourceLocation: Plugin = {
  name: 'keep-source-location',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: 'ts' };
    });
  },
};

/** Paths of the two bundles, rebuilt first when any server source changed (content hash); takes ~1 s. */
export async function buildServerIfNeeded(log: (line: string) => void = console.log): Promise<{ serve: string; cli: string; built: boolean }> {
  const out = { serve: path.join(serverBundleDir, 'serve.mjs'), cli: path.join(serverBundleDir, 'cli.mjs') };
  const hash = createHash('sha256');
  for (const input of inputs) hashTree(hash, path.join(root, input));
  const digest = hash.digest('hex');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === digest && fs.existsSync(out.serve) && fs.existsSync(out.cli)) return { ...out, built: false };
  const started = performance.now();
  fs.rmSync(serverBundleDir, { recursive: true, force: true });
  await build({
    entryPoints: { serve: path.join(root, 'test/helpers/serveForTests.ts'), cli: path.join(root, 'server/cli.ts') },
    outdir: serverBundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [keepSourceLocation],
  });
  fs.writeFileSync(stampFile, digest);
  log(`Built the test server bundle in ${Math.round(performance.now() - started)} ms`);
  return { ...out, built: true };
}
