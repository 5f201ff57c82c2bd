// `showroom export <dataset>`: streams events, sessions, customers or leads as CSV or NDJSON to stdout or a file.
import fs from 'node:fs';
import path from 'node:path';
import { Argument, type Command, Option } from 'commander';
import { cliActor } from '../crm/actors';
import { appendAudit } from '../db/audit';
import { type Dataset, datasets, exportQuery } from '../db/exports';
import { type ExportFormat, exportFormats, writeExport } from '../export/stream';
import { CliError, mib, peakRss, timeArg, withDb } from './common';

const fmt = (n: number) => n.toLocaleString('en-US');

export function addExportCommand(program: Command): void {
  program
    .command('export')
    .description('stream a whole table as CSV or NDJSON (constant memory; progress on stderr)')
    .addArgument(new Argument('<dataset>', 'what to export').choices(datasets))
    .addOption(new Option('--format <format>', 'output format').choices(exportFormats).makeOptionMandatory())
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--since <date>', 'only rows from this time on (events: server time, sessions: start, customers and leads: creation)', timeArg)
    .option('--until <date>', 'only rows before this time', timeArg)
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', '\nExamples:\n  showroom export events --format ndjson --out events.ndjson\n  showroom export customers --format csv > customers.csv')
    .action(async (dataset: Dataset, opts: { format: ExportFormat; out?: string; since?: number; until?: number; quiet?: boolean }) => {
      const target = opts.out ? path.resolve(opts.out) : null;
      if (target && !fs.existsSync(path.dirname(target))) throw new CliError(`The folder ${path.dirname(target)} does not exist`);
      await withDb(async (db) => {
        const q = exportQuery(db, dataset, { since: opts.since, until: opts.until });
        const started = performance.now();
        let lastReport = started;
        const progress = (rows: number) => {
          const now = performance.now();
          if (opts.quiet || now - lastReport < 1000) return;
          lastReport = now;
          process.stderr.write(`${dataset}: ${fmt(rows)} of ${fmt(q.count)} rows (${q.count ? Math.floor((rows / q.count) * 100) : 100}%)\n`);
        };
        const out = target ? fs.createWriteStream(target) : process.stdout;
        let rows: number;
        try {
          rows = await writeExport(q, opts.format, out, { keepOpen: !target, onRows: progress });
        } catch (err) {
          // The reader went away (e.g. `| head`): not an error of the export.
          if ((err as { code?: string }).code === 'EPIPE') return;
          if (target) fs.rmSync(target, { force: true });
          throw err;
        }
        const seconds = (performance.now() - started) / 1000;
        appendAudit(db, cliActor(), { action: `export.${dataset}`, entity: 'export', entityId: dataset, details: { format: opts.format, rows, to: target ? path.basename(target) : 'stdout' } }, Date.now());
        if (!opts.quiet) {
          process.stderr.write(
            `Exported ${fmt(rows)} ${dataset} rows as ${opts.format} to ${target ?? 'standard output'} in ${seconds.toFixed(1)} s ` +
              `(${fmt(Math.round(rows / Math.max(seconds, 0.001)))} rows/s); peak memory ${mib(peakRss())}\n`,
          );
        }
      });
    });
}
