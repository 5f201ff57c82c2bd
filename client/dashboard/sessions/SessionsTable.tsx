// A table of showroom sessions (the session list, a customer's or a lead's sessions), each linking to its events.
import { formatDateTime, formatDuration } from '../format';
import { AppLink } from '../ui/AppLink';

export interface SessionLike {
  id: string;
  startedAt: number;
  durationMs: number;
  mode: string;
  eventCount: number;
  visitorId: string;
  customerId?: number | null;
  customerName?: string | null;
}

export function SessionsTable({ sessions, showCustomer = true }: { sessions: readonly SessionLike[]; showCustomer?: boolean }) {
  return (
    <table className="list sessions">
      <thead>
        <tr>
          <th>Started</th>
          {showCustomer ? <th>Customer</th> : null}
          <th>Duration</th>
          <th>Device mode</th>
          <th className="num">Events</th>
          <th>Visitor</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id}>
            <td>
              <AppLink to={`/sessions/${s.id}`}>{formatDateTime(s.startedAt)}</AppLink>
            </td>
            {showCustomer ? (
              <td>{s.customerId ? <AppLink to={`/customers/${s.customerId}`}>{s.customerName || 'unnamed customer'}</AppLink> : <span className="muted">anonymous</span>}</td>
            ) : null}
            <td>{formatDuration(s.durationMs)}</td>
            <td>
              <span className={`tag mode-${s.mode}`}>{s.mode}</span>
            </td>
            <td className="num">{s.eventCount}</td>
            <td className="mono">{s.visitorId.slice(0, 8)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
