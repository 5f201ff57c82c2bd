// `showroom webhook add|list|remove|test|enable|disable|deliveries|resend`: CRM webhook endpoints from the command line.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { cliActor } from '../crm/actors';
import { describeZodError } from '../contracts/errors';
import { deliveryStatuses, webhookCreateSchema, webhookEventTypes } from '../contracts/webhooks';
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  deliveryPage,
  removeWebhookEndpoint,
  resendDeliveries,
  testWebhookEndpoint,
  webhookEndpoints,
} from '../webhooks/endpoints';
import { CliError, withDb } from './common';

const idArg = (value: string) => {
  const r = z.coerce.number().int().positive().safeParse(value);
  if (!r.success) throw new InvalidArgumentError('expected a positive whole number');
  return r.data;
};

/** Runs a webhook domain call against the database, turning its 4xx errors into messages for the operator. */
async function run<T>(fn: (deps: { db: Parameters<Parameters<typeof withDb>[0]>[0]; now: () => number }) => T | Promise<T>): Promise<T> {
  try {
    return await withDb((db) => fn({ db, now: Date.now }));
  } catch (err) {
    if (err instanceof TRPCError) throw new CliError(err.message);
    throw err;
  }
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

export function addWebhookCommands(program: Command): void {
  const hook = program.command('webhook').description('signed webhooks to the CRM (Standard Webhooks)');
  hook
    .command('add')
    .description('add an endpoint; prints its signing secret, which is shown only this once')
    .requiredOption('--url <url>', 'where to POST events, e.g. https://crm.example.com/hooks/showroom')
    .option('--events <types>', `comma-separated event types (default: all): ${webhookEventTypes.join(', ')}`)
    .option('--description <text>', 'what the endpoint is for')
    .option('--disabled', 'add it switched off')
    .action(async (opts: { url: string; events?: string; description?: string; disabled?: boolean }) => {
      const parsed = webhookCreateSchema.safeParse({
        url: opts.url,
        events: opts.events ? opts.events.split(',').map((s) => s.trim()).filter(Boolean) : [...webhookEventTypes],
        description: opts.description,
        enabled: !opts.disabled,
      });
      if (!parsed.success) throw new CliError(describeZodError(parsed.error));
      const { endpoint, secret } = await run((deps) => createWebhookEndpoint(deps, parsed.data, cliActor()));
      console.log(`Added webhook endpoint ${endpoint.id} for ${endpoint.url} (${endpoint.events.join(', ')})${endpoint.enabled ? '' : ', disabled'}`);
      console.log(`Signing secret (shown only now; store it in the receiver): ${secret}`);
    });
  hook
    .command('list')
    .description('list endpoints with their pending and failed deliveries')
    .action(async () => {
      const list = await run((deps) => webhookEndpoints(deps.db));
      if (list.length === 0) console.log('No webhook endpoints. Add one with: showroom webhook add --url https://...');
      for (const e of list) console.log(`${e.id}\t${e.enabled ? 'enabled' : 'disabled'}\t${e.url}\t${e.events.join(',')}\tpending ${e.pending}\tfailed ${e.failed}`);
    });
  hook
    .command('remove <id>')
    .description('remove an endpoint with its queue and delivery log')
    .action(async (id: string) => {
      const removed = await run((deps) => removeWebhookEndpoint(deps, idArg(id), cliActor()));
      console.log(`Removed webhook endpoint ${removed.removed}`);
    });
  for (const [name, enabled] of [['enable', true], ['disable', false]] as const) {
    hook
      .command(`${name} <id>`)
      .description(enabled ? 'switch an endpoint on (queued deliveries go out)' : 'switch an endpoint off (new events are not queued for it)')
      .action(async (id: string) => {
        const e = await run((deps) => changeWebhookEndpoint(deps, { id: idArg(id), enabled }, cliActor()));
        console.log(`Webhook endpoint ${e.id} is ${e.enabled ? 'enabled' : 'disabled'}`);
      });
  }
  hook
    .command('test <id>')
    .description('send a signed webhook.test event now and show the answer')
    .action(async (id: string) => {
      const r = await run((deps) => testWebhookEndpoint(deps, idArg(id), cliActor()));
      console.log(`${r.ok ? 'OK' : 'FAILED'}: ${r.statusCode === null ? 'no answer' : `HTTP ${r.statusCode}`} in ${Math.round(r.durationMs)} ms${r.error ? ` (${r.error})` : ''}`);
      if (!r.ok) process.exitCode = 1;
    });
  hook
    .command('deliveries <id>')
    .description("an endpoint's delivery log, newest first")
    .option('--status <status>', `only ${deliveryStatuses.join(', ')} deliveries`, (v) => {
      if (!(deliveryStatuses as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${deliveryStatuses.join(', ')}`);
      return v as (typeof deliveryStatuses)[number];
    })
    .option('--limit <n>', 'how many (at most 200)', idArg, 50)
    .action(async (id: string, opts: { status?: (typeof deliveryStatuses)[number]; limit: number }) => {
      const page = await run((deps) => deliveryPage(deps.db, { endpointId: idArg(id), status: opts.status, limit: Math.min(opts.limit, 200) }));
      console.log('id\tstatus\ttype\tattempts\tcode\tms\tlast try\tnext try\terror');
      for (const d of page.items) {
        console.log(`${d.id}\t${d.status}\t${d.type}\t${d.attempts}\t${d.lastStatusCode ?? '-'}\t${d.lastDurationMs ?? '-'}\t${iso(d.lastAttemptAt)}\t${iso(d.nextAttemptAt)}\t${d.lastError ?? ''}`);
      }
    });
  hook
    .command('resend [deliveryId]')
    .description('queue a failed delivery again, or with --endpoint every failed delivery of that endpoint')
    .option('--endpoint <id>', 'resend every failed delivery of this endpoint', idArg)
    .action(async (deliveryId: string | undefined, opts: { endpoint?: number }) => {
      if ((deliveryId === undefined) === (opts.endpoint === undefined)) throw new CliError('give a delivery id or --endpoint <id>, not both');
      const input = deliveryId !== undefined ? { deliveryId: idArg(deliveryId) } : { endpointId: opts.endpoint!, allFailed: true as const };
      const r = await run((deps) => resendDeliveries(deps, input, cliActor()));
      console.log(`Queued ${r.requeued} failed ${r.requeued === 1 ? 'delivery' : 'deliveries'} again; the running server sends them.`);
    });
}
