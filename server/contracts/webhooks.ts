// Zod schemas and types of CRM webhooks shared with the dashboard: event types, endpoint input, the delivery log.
import { z } from 'zod';
import { idCursor, pageLimit } from './paging';

/** Every event type an endpoint can subscribe to. */
export const webhookEventTypes = [
  'customer.created',
  'customer.updated',
  'customer.erased',
  'lead.created',
  'lead.stage_changed',
  'contact_request.created',
  'quote.created',
  'order.created',
  'session.ended',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

const id = z.number().int().positive();

/** An endpoint URL as typed: http(s), at most 2,000 characters, no user name or password in it. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => URL.canParse(s), 'must be an absolute URL such as https://crm.example.com/hooks/showroom')
  .refine((s) => /^https?:$/.test(new URL(s).protocol), 'must start with https:// or http://')
  .refine((s) => !new URL(s).username && !new URL(s).password, 'must not hold a user name or password');

export const webhookEventsSchema = z
  .array(z.enum(webhookEventTypes, { error: `must be one of ${webhookEventTypes.join(', ')}` }))
  .min(1, 'pick at least one event type')
  .max(webhookEventTypes.length)
  .transform((types) => [...new Set(types)]);

export const webhookCreateSchema = z.object({
  url: webhookUrlSchema,
  events: webhookEventsSchema,
  description: z.string().trim().max(200).default(''),
  enabled: z.boolean().default(true),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z.object({
  id,
  url: webhookUrlSchema.optional(),
  events: webhookEventsSchema.optional(),
  description: z.string().trim().max(200).optional(),
  enabled: z.boolean().optional(),
});
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

export const webhookIdSchema = z.object({ id });

export const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryListSchema = z.object({
  endpointId: id,
  status: z.enum(deliveryStatuses).optional(),
  limit: pageLimit(200, 50),
  /** The last id of the previous page (newest first). */
  cursor: idCursor,
});
export type DeliveryListInput = z.infer<typeof deliveryListSchema>;

/** Resend one delivery, or every failed delivery of an endpoint. */
export const resendSchema = z.union([z.object({ deliveryId: id }), z.object({ endpointId: id, allFailed: z.literal(true) })]);
export type ResendInput = z.infer<typeof resendSchema>;

/** An endpoint as staff see it: never its secret. */
export interface WebhookEndpoint {
  id: number;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
  /** Deliveries still to be made, and those given up on. */
  pending: number;
  failed: number;
}

/** One row of an endpoint's delivery log. Times are ms since the epoch. */
export interface WebhookDelivery {
  id: number;
  msgId: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  occurredAt: number;
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** How long the last try took, ms. */
  lastDurationMs: number | null;
  finishedAt: number | null;
}
