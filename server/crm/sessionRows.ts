// The columns of a session list beyond its rollups (modes, products, cart value, contact requests, lead stage), for any page of sessions.
import type { Catalog } from '../contracts/catalog';
import type { Mode } from '../contracts/events';
import type { SessionListExtras } from '../contracts/sessions';
import type { DB } from '../db/connection';
import { currentLeads } from '../db/leads';
import { sessionListFacts } from '../db/sessionListFacts';
import type { StaffUser } from '../db/staff';
import { leadScope } from './access';
import { cartValue, priceLines, shopCurrency } from './pricing';

interface SessionKey {
  id: string;
  visitorId: string;
  mode: Mode;
  customerId: number | null;
}

/** `page` with each session's extras; the lead is the one `staff` may see (as in the pipeline). */
export function withListExtras<S extends SessionKey>(db: DB, catalog: Catalog, staff: StaffUser, page: readonly S[]): (S & SessionListExtras)[] {
  const facts = sessionListFacts(db, page.map((s) => s.id));
  const leads = currentLeads(db, leadScope(staff), {
    customerIds: [...new Set(page.flatMap((s) => (s.customerId === null ? [] : [s.customerId])))],
    visitorIds: [...new Set(page.filter((s) => s.customerId === null).map((s) => s.visitorId))],
  });
  const currency = shopCurrency(catalog);
  return page.map((s) => {
    const f = facts.get(s.id)!;
    const value = cartValue(priceLines(catalog, f.cartLines), currency);
    return {
      ...s,
      modes: [...new Set([s.mode, ...f.modeChanges])],
      products: f.products.slice(0, 5),
      cartValue: { amount: value.cents / 100, currency: value.currency },
      contactRequests: f.contactRequests,
      lead: leads.get(s.customerId !== null ? `c:${s.customerId}` : `v:${s.visitorId}`) ?? null,
    };
  });
}
