// Identifier formats shared by client and server: UUIDv7 event ids, UUID session and visitor ids.
import { z } from 'zod';

/** RFC 9562 UUID version 7 (time-ordered), lower-case, with dashes. */
export const uuidv7Schema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lower-case UUID version 7');

/** Any RFC 4122/9562 UUID, lower-case, with dashes. */
export const uuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a lower-case UUID');

/** Catalogue ids of products and variants. */
export const slugSchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a catalogue id (lower-case letters, digits, dashes)');
