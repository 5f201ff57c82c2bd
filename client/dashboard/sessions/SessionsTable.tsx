// A table of showroom sessions (the session list, a customer's or a lead's sessions), each linking to its events.
import type { LeadStage } from '../../../server/contracts/leads';
import { formatDateTime, formatDuration, formatMoney, modeName } from '../format';
import { stageLabel } from '../leads/stages';
import { AppLink } from '../ui/AppLink';
import { useProductNames } from '../ui/useCatalog';

export interface SessionLike {
  id: string;
  startedAt: number;
  durationMs: number;
  modes: readonly string[];
  eventCount: number;
  visitorId: string;
  productCount: number;
  products: readonly string[];
  cartValue: { amount: number; currency: string };
  contactRequests: number;
  lead: { id: number; stage: LeadStage } | null;
  customerId?: number | null;
  customerName?: string | null;
}

/** Products named in a row; the rest are counted. */
const SHOWN_PRODUCTS = 3;

/** `showCustomer` off on a customer's or a lead's own page, where customer and lead are that page's. */
export function SessionsTable({ sessions, showCustomer = true }: { sessions: readonly SessionLike[]; showCustomer?: boolean }) {
  const productName = useProductNames();
  return (
    <table className="list sessions">
      <thead>
        <tr>
          <th>Started</th>
          {showCustomer ? <th>Customer</th> : null}
          <th>Duration</th>
          <th>Modes</th>
          <th>Products looked at</th>
          <th className="num">Cart value</th>
          {showCustomer ? <th>Lead stage</th> : null}
          <th className="num">Events</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => {
          const more = s.productCount - Math.min(s.products.length, SHOWN_PRODUCTS);
          return (
            <tr key={s.id}>
              <td>
                <AppLink to={`/sessions/${s.id}`}>{formatDateTime(s.startedAt)}</AppLink>
                {s.contactRequests > 0 ? (
                  <span className="tag status-open contact-mark" title="The customer asked for a salesperson in this session">
                    asked for contact
                  </span>
                ) : null}
              </td>
              {showCustomer ? (
                <td>
                  {s.customerId ? (
                    <AppLink to={`/customers/${s.customerId}`}>{s.customerName || 'unnamed customer'}</AppLink>
                  ) : (
                    <span className="muted" title={`Browser ${s.visitorId}`}>
                      anonymous
                    </span>
                  )}
                </td>
              ) : null}
              <td>{formatDuration(s.durationMs)}</td>
              <td>
                {s.modes.map((m) => (
                  <span key={m} className={`tag mode-${m}`}>
                    {modeName(m)}
                  </span>
                ))}
              </td>
              <td className="products">
                {s.products.length === 0 ? (
                  <span className="muted">none</span>
                ) : (
                  <>
                    {s.products.slice(0, SHOWN_PRODUCTS).map((p) => productName(p)).join(', ')}
                    {more > 0 ? <span className="muted"> +{more} more</span> : null}
                  </>
                )}
              </td>
              <td className="num">{s.cartValue.amount > 0 ? formatMoney(s.cartValue.amount, s.cartValue.currency) : <span className="muted">–</span>}</td>
              {showCustomer ? (
                <td>
                  {s.lead ? (
                    <AppLink to={`/leads/${s.lead.id}`} className={`tag stage-${s.lead.stage}`}>
                      {stageLabel[s.lead.stage]}
                    </AppLink>
                  ) : (
                    <span className="muted">no lead</span>
                  )}
                </td>
              ) : null}
              <td className="num">{s.eventCount}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
