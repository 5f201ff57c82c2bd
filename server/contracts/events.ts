// The telemetry contract: every event type the showroom logs, its common fields and bounded properties.
import { z } from 'zod';
import { slugSchema, uuidSchema, uuidv7Schema } from './ids';
import { checkPoseChunk, MAX_POSE_CHUNK_BYTES, MAX_POSE_SAMPLES, POSE_FORMAT } from './pose';
import { fromBase64 } from './base64';

/** What caused an event. `system` is the page itself (session start/end, pose, perf); `keyboard` a key press; `voice` a spoken command. */
export const inputKinds = ['mouse', 'touch', 'gamepad', 'controller', 'hand', 'gaze', 'keyboard', 'system', 'voice'] as const;
export type InputKind = (typeof inputKinds)[number];

/** How the customer is viewing the showroom. */
export const modes = ['desktop', 'vr', 'ar'] as const;
export type Mode = (typeof modes)[number];

/** Most events in one ingest request; more is answered with 413. */
export const MAX_BATCH_EVENTS = 500;
/** Largest ingest request body, bytes; more is answered with 413. */
export const MAX_BATCH_BYTES = 1024 * 1024;
const EARLIEST_TS = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

const shortText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Highest figure kept for counts a device reports (frames, triangles, bytes); more is stored as this. */
export const MAX_COUNT = 1e9;
/** Longest per-frame time kept, ms (ten minutes: a device stalled in the background); more is stored as this. */
export const MAX_FRAME_MS = 600_000;

/**
 * A non-negative figure a device measured: refused when negative or not a finite number, stored as `max`
 * when larger (a slow or sleeping device must not lose its report), rounded when `whole`.
 */
const measured = (max: number, whole = false) =>
  z
    .number()
    .min(0)
    .transform((v) => Math.min(whole ? Math.round(v) : v, max));
const count = measured(MAX_COUNT, true);
/** A duration, ms: rounded to whole ms and stored as one day when longer. */
const durationMs = measured(DAY_MS, true);
/** A coordinate in the showroom, metres: a place outside the building is a broken client, refused. */
const metres = z.number().min(-10_000).max(10_000);
/** An angle, radians, normalised into (-π, π] (a client may accumulate turns). */
const radians = z.number().transform((a) => {
  const r = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return r === -Math.PI ? Math.PI : r;
});
const frameMs = measured(MAX_FRAME_MS);
const epochMs = z
  .number()
  .int('must be whole milliseconds since the epoch')
  .min(EARLIEST_TS, 'must be a time after 2024-01-01 in ms since the epoch')
  .refine((t) => t <= Date.now() + DAY_MS, 'must not be more than a day in the future');
const hand = z.enum(['left', 'right']);

/** Fields every event carries. The session id is the batch's. */
const base = {
  /** Client-made UUIDv7; the server ignores an id it has already stored. */
  id: uuidv7Schema,
  /** Per-session sequence number, from 0, in the order the browser recorded the events. */
  seq: z.number().int().min(0).max(2 ** 31),
  /** Browser clock, ms since the Unix epoch. */
  ts: epochMs,
  input: z.enum(inputKinds),
};

const productRef = { productId: slugSchema, variantId: slugSchema.optional() };
const optionalProductRef = { productId: slugSchema.optional(), variantId: slugSchema.optional() };

/**
 * One event type. An absent `props` is parsed as `{}` (prefault, not default), so required properties are
 * refused the same way whether the key is missing or empty.
 */
const ev = <T extends string, S extends z.ZodRawShape, P extends z.ZodRawShape>(type: T, ref: S, props: P) =>
  z.object({ ...base, ...ref, type: z.literal(type), props: z.strictObject(props).prefault({} as never) });

/** A chunk of head and hand poses (see ./pose.ts), base64 in JSON, checked byte by byte. */
const poseEvent = ev('pose', optionalProductRef, {
  format: z.literal(POSE_FORMAT),
  mode: z.enum(modes),
  /** Browser time of the first sample, ms since the epoch; sample times are offsets from it. */
  startTs: epochMs,
  samples: z.number().int().min(1).max(MAX_POSE_SAMPLES),
  /** The chunk's bytes in standard base64; checked for base64 and layout below. */
  data: z.string().max(Math.ceil(MAX_POSE_CHUNK_BYTES / 3) * 4, `must be at most ${MAX_POSE_CHUNK_BYTES} bytes before base64`),
}).superRefine((e, ctx) => {
  // Zod runs this even when other fields already failed: read defensively.
  const props = (e as { props?: Partial<Record<string, unknown>> }).props;
  if (!props || typeof props.data !== 'string' || typeof props.samples !== 'number') return;
  const bytes = fromBase64(props.data);
  const problem = bytes ? checkPoseChunk(bytes, props.samples) : 'must be base64';
  if (problem) ctx.addIssue({ code: 'custom', path: ['props', 'data'], message: problem });
  if (typeof props.startTs === 'number' && typeof e.ts === 'number' && props.startTs > e.ts) {
    ctx.addIssue({ code: 'custom', path: ['props', 'startTs'], message: 'must not be after the event time' });
  }
});

export const eventSchema = z.discriminatedUnion('type', [
  // Session and page
  ev('session_start', optionalProductRef, {
    mode: z.enum(modes),
    viewportWidth: count.optional(),
    viewportHeight: count.optional(),
    touch: z.boolean().optional(),
    language: shortText(35).optional(),
  }),
  ev('session_end', optionalProductRef, { reason: z.enum(['pagehide', 'exit', 'idle']) }),
  ev('mode_change', optionalProductRef, { mode: z.enum(modes), from: z.enum(modes).optional(), profile: shortText(100).optional() }),
  // Products (pointer events from any device)
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
  // "You may also like" in the product panel: productId is the product clicked, `from` the panel's product
  ev('recommendation_click', productRef, { from: slugSchema, position: z.number().int().min(1).max(8) }),
  // A spoken command, recognised on the device (never audio): the words heard, how sure, whether it was acted on
  ev('voice_command', optionalProductRef, { phrase: shortText(200), confidence: z.number().min(0).max(1), understood: z.boolean() }),
  // Attention: the head ray (desktop: centre of view) resting on a product
  ev('dwell_start', productRef, {}),
  ev('dwell_end', productRef, { durationMs, distanceM: measured(1000).optional() }),
  poseEvent,
  // Devices
  ev('grab_start', productRef, { hand: hand.optional() }),
  ev('grab_end', productRef, { durationMs, hand: hand.optional() }),
  ev('teleport', optionalProductRef, {
    toX: metres,
    toZ: metres,
    fromX: metres.optional(),
    fromZ: metres.optional(),
    method: z.enum(['arc', 'click', 'gamepad']).optional(),
  }),
  ev('ar_place', productRef, {
    x: metres,
    y: metres,
    z: metres,
    rotationY: radians.optional(),
    surface: z.enum(['floor', 'plane', 'unknown']).optional(),
  }),
  ev('gamepad_connected', optionalProductRef, { id: shortText(100), mapping: shortText(20).optional() }),
  ev('gamepad_disconnected', optionalProductRef, { id: shortText(100) }),
  // Live: a salesperson's message in the customer's view (`display`: the desktop overlay or the panel in VR/AR)
  ev('staff_message_shown', optionalProductRef, { messageId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), display: z.enum(['overlay', 'panel']) }),
  ev('staff_message_dismissed', optionalProductRef, { messageId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), durationMs: durationMs.optional() }),
  // Health of the page and of telemetry itself
  ev('error', optionalProductRef, {
    kind: z.enum(['error', 'unhandledrejection', 'webgl', 'xr', 'telemetry']),
    message: shortText(500),
    source: shortText(300).optional(),
    /** How many times the same message was seen and folded into this event. */
    count: z.number().int().min(1).transform((n) => Math.min(n, MAX_COUNT)).default(1),
  }),
  ev('perf', optionalProductRef, {
    windowMs: durationMs,
    frames: count,
    fps: measured(1000),
    frameMsP50: frameMs,
    frameMsP95: frameMs,
    frameMsMax: frameMs,
    /** Frames longer than 50 ms. */
    longFrames: count,
    drawCalls: count.optional(),
    triangles: count.optional(),
    heapMb: measured(1e6).optional(),
    /** Time the gaze and pose probe took per frame, ms. */
    probeMsP50: frameMs.optional(),
    probeMsMax: frameMs.optional(),
    queueEvents: count.optional(),
    queueBytes: count.optional(),
  }),
  ev('telemetry_drop', optionalProductRef, {
    reason: z.enum(['capacity', 'refused', 'session_rejected']),
    events: count,
    poseSamples: count.default(0),
    bytes: count.default(0),
    detail: shortText(300).optional(),
  }),
]);

export type TelemetryEvent = z.infer<typeof eventSchema>;
export type EventType = TelemetryEvent['type'];
export const eventTypes = eventSchema.options.map((o) => o.shape.type.value) as EventType[];
export type PoseEvent = Extract<TelemetryEvent, { type: 'pose' }>;

/**
 * Events that may be dropped, oldest first, when the browser's queue is full: pose samples, then
 * perf reports. Every other type is a business event and is never dropped.
 */
export const droppableTypes: ReadonlySet<EventType> = new Set<EventType>(['pose', 'perf']);

/** An event as the browser builds it: properties with defaults may be left out. */
export type EventInput = z.input<typeof eventSchema>;

/** What `track()` accepts: an event without the fields the recorder fills in. */
export type TrackInput = EventInput extends infer E
  ? E extends EventInput
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
/** An ingest body as the browser sends it (defaults not yet applied). */
export type IngestBatchInput = z.input<typeof ingestBatchSchema>;

export interface IngestResult {
  /** Events stored by this request. */
  accepted: number;
  /** Events already stored by an earlier request (same id), skipped. */
  duplicates: number;
}

export const sessionStartSchema = z.object({
  /** Random id the browser keeps (localStorage) to link its sessions. */
  visitorId: uuidSchema,
  mode: z.enum(modes),
  userAgent: shortText(400).optional(),
});
export type SessionStart = z.infer<typeof sessionStartSchema>;
