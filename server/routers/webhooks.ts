// Webhook endpoint procedures for admins: list, create (the secret is answered once), change, remove, test, the delivery log and resends.
import { callerActor } from '../crm/actors';
import { deliveryListSchema, resendSchema, webhookCreateSchema, webhookIdSchema, webhookUpdateSchema } from '../contracts/webhooks';
import { roleProcedure, router } from '../trpc';
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  deliveryPage,
  removeWebhookEndpoint,
  resendDeliveries,
  testWebhookEndpoint,
  webhookEndpoints,
} from '../webhooks/endpoints';

const admin = roleProcedure('admin');

export const webhooksRouter = router({
  /** Every endpoint with its pending and failed counts; never a secret. */
  list: admin.query(({ ctx }) => webhookEndpoints(ctx.db)),

  /** A new endpoint; the answer holds its signing secret, which cannot be read again. */
  create: admin.input(webhookCreateSchema).mutation(({ ctx, input }) => createWebhookEndpoint(ctx, input, callerActor(ctx))),

  update: admin.input(webhookUpdateSchema).mutation(({ ctx, input }) => changeWebhookEndpoint(ctx, input, callerActor(ctx))),

  remove: admin.input(webhookIdSchema).mutation(({ ctx, input }) => removeWebhookEndpoint(ctx, input.id, callerActor(ctx))),

  /** Sends a signed webhook.test event now and answers with the status code and time taken. */
  test: admin.input(webhookIdSchema).mutation(({ ctx, input }) => testWebhookEndpoint(ctx, input.id, callerActor(ctx))),

  /** An endpoint's delivery log, newest first. */
  deliveries: admin.input(deliveryListSchema).query(({ ctx, input }) => deliveryPage(ctx.db, input)),

  /** Queues a failed delivery, or all of an endpoint's failed deliveries, again. */
  resend: admin.input(resendSchema).mutation(({ ctx, input }) => resendDeliveries(ctx, input, callerActor(ctx))),
});
