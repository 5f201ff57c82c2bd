// Zod schemas and types of live sessions: the showroom's presence beacons, staff messages, the Live page's stream.
import { z } from 'zod';
import { modes, type Mode } from './events';
import { slugSchema, uuidSchema } from './ids';

/** Longest staff message, characters. */
export const MAX_MESSAGE_CHARS = 280;
/** A session counts as live while it was heard from within this time, ms. */
export const LIVE_TIMEOUT_MS = 15_000;
/** How often the showroom sends its presence while the visitor moves, ms (and at least every PRESENCE_IDLE_MS). */
export const PRESENCE_INTERVAL_MS = 500;
export const PRESENCE_IDLE_MS = 5_000;
/** Staff may message a session heard from within this time, ms (the showroom starts a new session after 30 idle minutes). */
export const MESSAGE_WINDOW_MS = 30 * 60 * 1000;

const coord = z.number().min(-1000, 'must be within 1000 m of the showroom centre').max(1000, 'must be within 1000 m of the showroom centre');

/** What the showroom reports about itself about twice a second: where the head is, where it faces, what it looks at. */
export const presenceSchema = z.object({
  mode: z.enum(modes),
  /** Head position in the showroom, metres (y up; the floor is y = 0). */
  x: coord,
  y: z.number().min(-10).max(20),
  z: coord,
  /** Heading about +y, radians; 0 faces -z, positive turns left. */
  yaw: z.number().min(-Math.PI * 4).max(Math.PI * 4),
  /** The product the head ray rests on now, if any. */
  gazeProductId: slugSchema.nullable().default(null),
  /** The product whose panel is open, if any. */
  selectedProductId: slugSchema.nullable().default(null),
});
export type Presence = z.output<typeof presenceSchema>;

export const sendMessageSchema = z.object({
  sessionId: uuidSchema,
  text: z.string().trim().min(1, 'must not be empty').max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`),
});

/** The id of the last message the browser has, as tRPC's `tracked()` ids (decimal strings) or absent. */
export const lastEventIdSchema = z
  .string()
  .regex(/^\d{1,15}$/, 'must be a message id')
  .nullish();

export interface LiveMessage {
  id: number;
  sessionId: string;
  senderName: string;
  body: string;
  createdAt: number;
}

/** A message as staff see it: with who sent it and whether the customer saw or dismissed it. */
export interface SentMessage extends LiveMessage {
  senderId: number | null;
  shownAt: number | null;
  dismissedAt: number | null;
}

/** One live session as the Live page shows it. Positions in metres, angles in radians, times in server ms. */
export interface LiveSession {
  sessionId: string;
  visitorId: string;
  customerId: number | null;
  customerName: string | null;
  mode: Mode;
  startedAt: number;
  /** Where the head was last reported, and from which source (a presence beacon or the last pose chunk). */
  position: { x: number; y: number; z: number; yaw: number; at: number; source: 'presence' | 'pose' } | null;
  gazeProductId: string | null;
  selectedProductId: string | null;
  lastEvent: { type: string; productId: string | null; ts: number } | null;
  lastSeenAt: number;
}

/** What the Live page's subscription sends: the whole list first, then changes. */
export type LiveUpdate =
  | { kind: 'snapshot'; sessions: LiveSession[] }
  | { kind: 'changes'; sessions: LiveSession[]; left: string[] }
  | { kind: 'message'; message: SentMessage };
