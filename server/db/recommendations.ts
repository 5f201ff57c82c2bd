// "Customers who looked at this also looked at": co-occurrence of looked-at products in sessions (analytics_pairs).
import type { DB } from './connection';

/** Co-occurring sessions at which the score is damped to half: a pair seen in few sessions is weak evidence. */
export const SHRINKAGE_SESSIONS = 3;

export interface CoViewed {
  productId: string;
  /** Sessions that looked at both products. */
  together: number;
  /** Sessions that looked at the other product at all. */
  theirSessions: number;
  /**
   * Cosine similarity of the two products' session sets, together / sqrt(n_this * n_other), damped by
   * together / (together + SHRINKAGE_SESSIONS): high for products seen together more than their popularity
   * explains, and not led by a pair that met once.
   */
  score: number;
}

/**
 * Products looked at in the same sessions as `productId`, best first, among those seen together in at
 * least `minSessions` sessions.
 */
export function coViewed(db: DB, productId: string, minSessions: number): { sessions: number; items: CoViewed[] } {
  const own = (db.prepare('SELECT sessions FROM analytics_pairs WHERE product_a = ? AND product_b = ?').pluck().get(productId, productId) as number | undefined) ?? 0;
  if (own === 0) return { sessions: 0, items: [] };
  const rows = db
    .prepare(
      `SELECT p.product_b AS productId, p.sessions AS together, d.sessions AS theirSessions
       FROM analytics_pairs p JOIN analytics_pairs d ON d.product_a = p.product_b AND d.product_b = p.product_b
       WHERE p.product_a = ? AND p.product_b <> ? AND p.sessions >= ?`,
    )
    .all(productId, productId, minSessions) as Omit<CoViewed, 'score'>[];
  const items = rows.map((r) => ({ ...r, score: scoreOf(r.together, own, r.theirSessions) }));
  items.sort((a, b) => b.score - a.score || b.together - a.together || a.productId.localeCompare(b.productId));
  return { sessions: own, items };
}

/** The ranking score of a pair (see CoViewed.score). */
export function scoreOf(together: number, nThis: number, nOther: number): number {
  if (together <= 0 || nThis <= 0 || nOther <= 0) return 0;
  return (together / Math.sqrt(nThis * nOther)) * (together / (together + SHRINKAGE_SESSIONS));
}
