// Starts the real server as a child process on a free port with a temporary data folder.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');

export interface TestServer {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A fresh temporary folder, removed by the caller (or left for inspection on failure). */
export function tempDir(prefix = 'showroom-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts `server/main.ts` and resolves once it prints its URL. */
export async function startTestServer(opts: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const proc = spawn(process.execPath, [tsxCli, path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(opts.port ?? 0), HOST: '127.0.0.1', SHOWROOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = /Showroom running at (http\S+?)\/ /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
}

/** Runs the `showroom` command synchronously against a data folder. */
export function runCli(args: string[], opts: { dataDir: string; input?: string }): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'server/bin/showroom.js'), ...args], {
    cwd: root,
    env: { ...process.env, SHOWROOM_DATA_DIR: opts.dataDir },
    input: opts.input ?? '',
    encoding: 'utf8',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
