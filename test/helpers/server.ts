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
  const { child: proc, ready, out } = spawnServer([tsxCli, path.join(root, 'server/main.ts')], {
    PORT: String(opts.port ?? 0),
    SHOWROOM_DATA_DIR: dataDir,
    ...opts.env,
  });
  const url = await ready;
  return {
    url,
    dataDir,
    proc,
    output: out,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill(signal);
      }),
  };
}

/**
 * Spawns a server process (Node with `args`) on 127.0.0.1 with quiet logs; `ready` resolves with its URL once it
 * prints it, or rejects with its output if it exits or takes over 30 s.
 */
export function spawnServer(args: string[], env: Record<string, string>): { child: ChildProcess; ready: Promise<string>; out: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${out}`)), 30_000);
    const check = () => {
      const m = /Showroom running at (http\S+?)\/ /.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${out}`));
    });
  });
  return { child, ready, out: () => out };
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
