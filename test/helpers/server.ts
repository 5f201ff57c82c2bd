// Starts the real server as a child process on a free port with a temporary data folder; runs the `showroom` command.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/**
 * Set by the tests' global setup to the folder of the esbuild bundles (test/helpers/buildServer.ts): then servers
 * and commands start as plain `node`, without tsx compiling the sources in each process.
 */
export const SERVER_BUNDLE_ENV = 'SHOWROOM_TEST_SERVER_BUNDLE';
const bundle = (name: 'serve.mjs' | 'cli.mjs'): string | null => {
  const dir = process.env[SERVER_BUNDLE_ENV];
  return dir && fs.existsSync(path.join(dir, name)) ? path.join(dir, name) : null;
};

/** Node arguments that start the test server entry (test/helpers/serveForTests.ts). */
export function serverArgs(): string[] {
  const built = bundle('serve.mjs');
  return built ? [built] : ['--import', 'tsx', path.join(root, 'test/helpers/serveForTests.ts')];
}

/** Node arguments that run the `showroom` command. */
export function cliArgs(): string[] {
  return [bundle('cli.mjs') ?? path.join(root, 'server/bin/showroom.js')];
}

// Every server this process spawned and has not seen exit: killed when this process exits, whatever the cause.
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

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

/** Starts `server/main.ts` and resolves once it prints its URL; if it never does, it is killed and this rejects. */
export async function startTestServer(opts: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const { child: proc, ready, out } = spawnServer(serverArgs(), {
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
 * prints it, or rejects with its output if it exits or takes over 30 s (then it is killed). The child exits by
 * itself when this process dies (its stdin pipe closes), and is SIGKILLed when this process exits.
 */
export function spawnServer(args: string[], env: Record<string, string>): { child: ChildProcess; ready: Promise<string>; out: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SHOWROOM_EXIT_WITH_PARENT: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in 30 s:\n${out}`));
    }, 30_000);
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

/** Runs the `showroom` command synchronously against a data folder (killed after 60 s). */
export function runCli(args: string[], opts: { dataDir: string; input?: string }): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], {
    cwd: root,
    env: { ...process.env, SHOWROOM_DATA_DIR: opts.dataDir },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the `showroom` command without blocking this process (a server can keep working meanwhile). */
export function runCliAsync(args: string[], dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], { cwd: root, env: { ...process.env, SHOWROOM_DATA_DIR: dataDir } });
    live.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (status) => {
      live.delete(child);
      resolve({ status, stdout, stderr });
    });
  });
}
