// What the staff session list shows of a page of sessions besides their rollups: modes used, products, cart changes, contact requests.
import { type Mode, modes } from '../contracts/events';
import type { DB } from './connection';

/**
 * The event types the partial index events_session_facts holds (migration 008). A query must repeat
 * this term word for word for SQLite to use that index.
 */
export const FACT_EVENTS = `type IN ('mode_change', 'cart_add', 'cart_remove')`;

/** Sessions that switched to `mode` at some point (not counting the mode they started in). */
export const SWITCHED_TO_MODE = `EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.id AND e.${FACT_EVENTS}
  AND e.type = 'mode_change' AND json_extract(e.props, '$.mode') = ?)`;

export interface SessionFacts {
  /** Modes switched to, in order (the start mode is the session's own `mode`). */
  modeChanges: Mode[];
  /** Net cart change per line in this session; lines that came out at zero or less are left out. */
  cartLines: { productId: string; variantId: string; quantity: number }[];
  /** Product ids, most dwelt on first, then most events. */
  products: string[];
  contactRequests: number;
}

const isMode = (m: unknown): m is Mode => typeof m === 'string' && (modes as readonly string[]).includes(m);

/** The facts of each of `sessionIds` (a page of the list), in a handful of indexed queries. */
export function sessionListFacts(db: DB, sessionIds: readonly string[]): Map<string, SessionFacts> {
  const facts = new Map<string, SessionFacts>(sessionIds.map((id) => [id, { modeChanges: [], cartLines: [], products: [], contactRequests: 0 }]));
  if (sessionIds.length === 0) return facts;
  const ids = JSON.stringify(sessionIds);
  const inPage = 'session_id IN (SELECT value FROM json_each(?))';

  const changes = db
    .prepare(`SELECT session_id AS s, json_extract(props, '$.mode') AS mode FROM events INDEXED BY events_session_facts WHERE ${inPage} AND ${FACT_EVENTS} AND type = 'mode_change' ORDER BY session_id, seq`)
    .all(ids) as { s: string; mode: unknown }[];
  for (const r of changes) if (isMode(r.mode)) facts.get(r.s)!.modeChanges.push(r.mode);

  const cart = db
    .prepare(
      `SELECT session_id AS s, product_id AS productId, variant_id AS variantId,
         SUM(CASE type WHEN 'cart_add' THEN 1 ELSE -1 END * COALESCE(json_extract(props, '$.quantity'), 1)) AS quantity
       FROM events INDEXED BY events_session_facts WHERE ${inPage} AND ${FACT_EVENTS} AND type <> 'mode_change' AND product_id IS NOT NULL
       GROUP BY session_id, product_id, variant_id HAVING quantity > 0 ORDER BY session_id, product_id, variant_id`,
    )
    .all(ids) as { s: string; productId: string; variantId: string | null; quantity: number }[];
  for (const r of cart) facts.get(r.s)!.cartLines.push({ productId: r.productId, variantId: r.variantId ?? '', quantity: r.quantity });

  const products = db
    .prepare(`SELECT session_id AS s, product_id AS p FROM session_products WHERE ${inPage} ORDER BY session_id, dwell_ms DESC, event_count DESC, product_id`)
    .all(ids) as { s: string; p: string }[];
  for (const r of products) facts.get(r.s)!.products.push(r.p);

  const requests = db.prepare(`SELECT session_id AS s, COUNT(*) AS n FROM service_requests WHERE ${inPage} GROUP BY session_id`).all(ids) as { s: string; n: number }[];
  for (const r of requests) facts.get(r.s)!.contactRequests = r.n;
  return facts;
}
