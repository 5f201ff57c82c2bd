// The telemetry contract: every event type the showroom logs, its common fields and bounded properties.
import { z } from 'zod';
import { slugSchema, uuidSchema, uuidv7Schema } from './ids';

/** What caused an event. `system` is the page itself (session start/end); `keyboard` a key press. */
export const inputKinds = ['mouse', 'touch', 'gamepad', 'controller', 'hand', 'gaze', 'keyboard', 'system'] as const;
export type InputKind = (typeof inputKinds)[number];

/** How the customer is viewing the showroom. */
export const modes = ['desktop', 'vr', 'ar'] as const;
export type Mode = (typeof modes)[number];

export const MAX_BATCH_EVENTS = 500;
const EARLIEST_TS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const count = z.number().int().min(0).max(1_000_000);
/** A floor coordinate, metres (the showroom is far smaller than this bound). */
const metresInRoom = z.number().finite().min(-1000).max(1000);
const durationMs = z.number().int('must be whole milliseconds').min(0).max(DAY_MS, 'must be at most one day in ms');

/** Fields every event carries. The session id is the batch's. */
const base = {
  /** Client-made UUIDv7; the server ignores an id it has already stored. */
  id: uuidv7Schema,
  /** Per-session sequence number, from 0, in the order the browser recorded the events. */
  seq: z.number().int().min(0).max(2 ** 31),
  /** Browser clock, ms since the Unix epoch. */
  ts: z
    .number()
    .int('must be whole milliseconds since the epoch')
    .min(EARLIEST_TS, 'must be a time after 2024-01-01 in ms since the epoch')
    .refine((t) => t <= Date.now() + DAY_MS, 'must not be more than a day in the future'),
  input: z.enum(inputKinds),
};

const productRef = { productId: slugSchema, variantId: slugSchema.optional() };
const optionalProductRef = { productId: slugSchema.optional(), variantId: slugSchema.optional() };

const ev = <T extends string, S extends z.ZodRawShape, P extends z.ZodRawShape>(type: T, ref: S, props: P) =>
  z.object({ ...base, ...ref, type: z.literal(type), props: z.strictObject(props).default({} as never) });

export const eventSchema = z.discriminatedUnion('type', [
  ev('session_start', optionalProductRef, {
    mode: z.enum(modes),
    viewportWidth: count.optional(),
    viewportHeight: count.optional(),
    touch: z.boolean().optional(),
    language: shortText(35).optional(),
  }),
  ev('session_end', optionalProductRef, { reason: z.enum(['pagehide', 'exit', 'idle']) }),
  ev('mode_change', optionalProductRef, { mode: z.enum(modes), profile: shortText(100).optional() }),
  ev('product_hover_start', productRef, {}),
  ev('product_hover_end', productRef, { durationMs: durationMs.optional() }),
  ev('product_select', productRef, {}),
  ev('panel_close', productRef, {}),
  ev('inspect_start', productRef, {}),
  ev('inspect_end', productRef, { durationMs }),
  ev('variant_change', { productId: slugSchema, variantId: slugSchema }, { from: slugSchema.optional() }),
  ev('cart_add', productRef, { quantity: z.number().int().min(1).max(99).default(1) }),
  ev('cart_remove', productRef, { quantity: z.number().int().min(1).max(99).default(1) }),
  ev('wishlist_add', productRef, {}),
  ev('wishlist_remove', productRef, {}),
  ev('contact_request', optionalProductRef, { channel: z.enum(['form', 'one-press']) }),
  ev('grab_start', productRef, { hand: z.enum(['left', 'right', 'none']).optional() }),
  ev('grab_end', productRef, { durationMs, hand: z.enum(['left', 'right', 'none']).optional() }),
  ev('teleport', optionalProductRef, { x: metresInRoom, z: metresInRoom }),
  ev('ar_place', productRef, { x: metresInRoom, z: metresInRoom, rotationY: z.number().finite().min(-7).max(7) }),
  ev('gamepad_connected', optionalProductRef, { id: shortText(120) }),
]);

export type TelemetryEvent = z.infer<typeof eventSchema>;
export type EventType = TelemetryEvent['type'];
export const eventTypes = eventSchema.options.map((o) => o.shape.type.value) as EventType[];

/** What `track()` accepts: an event without the fields the recorder fills in. */
export type TrackInput = TelemetryEvent extends infer E
  ? E extends TelemetryEvent
    ? Omit<E, 'id' | 'seq' | 'ts' | 'props'> & Partial<Pick<E, 'props'>>
    : never
  : never;

export const ingestBatchSchema = z.object({
  sessionId: uuidSchema,
  /** The write token `session.start` returned to this browser. */
  token: z.string().min(20).max(100),
  events: z
    .array(eventSchema)
    .min(1, 'must hold at least one event')
    .max(MAX_BATCH_EVENTS, `must hold at most ${MAX_BATCH_EVENTS} events`),
});
export type IngestBatch = z.infer<typeof ingestBatchSchema>;

export const sessionStartSchema = z.object({
  /** Random id the browser keeps (localStorage) to link its sessions. */
  visitorId: uuidSchema,
  mode: z.enum(modes),
  userAgent: shortText(400).optional(),
});
export type SessionStart = z.infer<typeof sessionStartSchema>;
