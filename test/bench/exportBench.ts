// Measures `showroom export events` over a large synthetic database: rows/s and peak memory against a small baseline.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { root, tempDir } from '../helpers/server';

/** Fills a new data folder with `events` events over 1000 sessions, in SQL (seconds for a million rows). */
export function makeEventsDatabase(events: number): string {
  const dataDir = tempDir('showroom-bench-');
  const db = openDatabase(path.join(dataDir, 'showroom.sqlite'));
  try {
    migrate(db);
    const t0 = Date.UTC(2025, 0, 1);
    db.transaction(() => {
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
         INSERT INTO visitors (id, created_at) SELECT printf('00000000-0000-4000-8000-%012x', i), ? FROM n`,
      ).run(t0);
      db.prepare(
        `INSERT INTO sessions (id, visitor_id, token_hash, started_at, last_seen_at, mode, user_agent)
         SELECT printf('00000000-0000-4000-9000-%s', substr(id, 25)), id, zeroblob(32), ?, ?, 'desktop', 'bench' FROM visitors`,
      ).run(t0, t0);
      db.prepare(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
         INSERT INTO events (id, session_id, seq, type, client_ts, server_ts, input, product_id, variant_id, props)
         SELECT printf('0190a000-0000-7000-8000-%012x', i), printf('00000000-0000-4000-9000-%012x', i % 1000), i / 1000,
           CASE i % 4 WHEN 0 THEN 'product_hover_end' WHEN 1 THEN 'product_select' WHEN 2 THEN 'variant_change' ELSE 'cart_add' END,
           ? + i, ? + i, 'mouse', 'fjord-sofa', 'oat',
           CASE i % 4 WHEN 0 THEN '{"durationMs":' || (i % 5000) || '}' WHEN 3 THEN '{"quantity":1}' ELSE '{}' END
         FROM n`,
      ).run(events, t0, t0);
    })();
  } finally {
    db.close();
  }
  return dataDir;
}

export interface ExportRun {
  format: 'csv' | 'ndjson';
  rows: number;
  seconds: number;
  peakMiB: number;
  bytes: number;
  lines: number;
  firstLine: string;
  lastLine: string;
  /** What the command printed on stderr (progress and summary). */
  stderr: string;
}

/** Counts lines and keeps the first and last without holding the file in memory. */
async function scan(file: string): Promise<{ lines: number; firstLine: string; lastLine: string }> {
  let lines = 0;
  let firstLine: string | null = null;
  let lastLine = '';
  let partial = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (partial + (chunk as string)).split('\n');
    partial = parts.pop()!;
    if (parts.length === 0) continue;
    firstLine ??= parts[0]!;
    lastLine = parts.at(-1)!;
    lines += parts.length;
  }
  if (partial) {
    lines++;
    lastLine = partial;
  }
  return { lines, firstLine: firstLine ?? partial, lastLine };
}

/** Runs the real command in its own process and reads the figures it prints on stderr. */
export async function runExport(dataDir: string, format: 'csv' | 'ndjson'): Promise<ExportRun> {
  const out = path.join(dataDir, `events.${format}`);
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'server/bin/showroom.js'), 'export', 'events', '--format', format, '--out', out], {
      cwd: root,
      env: { ...process.env, SHOWROOM_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`export exited with ${code}:\n${err}`))));
  });
  const m = /Exported ([\d,]+) events rows .* in ([\d.]+) s .*peak memory ([\d.]+) MiB/.exec(stderr);
  if (!m) throw new Error(`export printed no summary:\n${stderr}`);
  const scanned = await scan(out);
  const bytes = fs.statSync(out).size;
  fs.rmSync(out);
  return { format, rows: Number(m[1]!.replaceAll(',', '')), seconds: Number(m[2]), peakMiB: Number(m[3]), bytes, ...scanned, stderr };
}
