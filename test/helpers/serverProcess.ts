// Runs the real server as a single Node process (no wrapper) so it can be SIGKILLed and restarted on the same port.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { serverArgs, spawnServer, tempDir } from './server';

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  /** The server's own process (its pid is the one holding the database). */
  proc(): ChildProcess;
  output(): string;
  /** Kills the process with `signal` and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** Resident memory of the server process, bytes (Linux /proc). */
  rss(): number;
  /** CPU time the server process has used so far (user + system), seconds (Linux /proc). */
  cpuSeconds(): number;
}

function launch(dataDir: string, port: number, env: Record<string, string>): ReturnType<typeof spawnServer> {
  return spawnServer(serverArgs(), { PORT: String(port), SHOWROOM_DATA_DIR: dataDir, ...env });
}

/** Starts `server/main.ts` in one process on `port` (0 = a free one, kept for restarts). */
export async function startServerProcess(opts: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? tempDir();
  const env = opts.env ?? {};
  let current = launch(dataDir, opts.port ?? 0, env);
  let log = '';
  const url = await current.ready;
  const port = Number(new URL(url).port);
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  return {
    url,
    port,
    dataDir,
    proc: () => current.child,
    output: () => log + current.out(),
    kill: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        const c = current.child;
        if (exited(c)) return resolve();
        c.once('exit', () => resolve());
        c.kill(signal);
      }),
    async restart() {
      if (!exited(current.child)) throw new Error('kill the server before restarting it');
      log += current.out();
      // The port was just freed; retry briefly if the kernel has not released it yet.
      for (let attempt = 0; ; attempt++) {
        current = launch(dataDir, port, env);
        try {
          await current.ready;
          return;
        } catch (err) {
          if (attempt >= 5 || !/EADDRINUSE/.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses): utime and stime in clock ticks.
      const stat = fs.readFileSync(`/proc/${current.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    rss() {
      const status = fs.readFileSync(`/proc/${current.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
  };
}
