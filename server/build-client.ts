// Builds the client with Vite when its sources changed since the last build (content hash).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './config';

const inputs = ['client', 'server/contracts', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];
const stampFile = path.join(projectRoot, 'dist', 'client', '.build-hash');

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) hashTree(hash, path.join(target, name));
  } else {
    hash.update(path.relative(projectRoot, target)).update('\0').update(fs.readFileSync(target)).update('\0');
  }
}

/** A hash of everything the client build reads. */
export function clientSourceHash(): string {
  const hash = createHash('sha256');
  for (const input of inputs) hashTree(hash, path.join(projectRoot, input));
  return hash.digest('hex');
}

/** Runs `vite build` unless dist/client was built from the same sources (`log` gets progress lines). Returns whether it built. */
export async function buildClientIfNeeded(log: (line: string) => void): Promise<boolean> {
  const hash = clientSourceHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return false;
  log('Building the client (first start or sources changed)...');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stampFile, hash);
  return true;
}
