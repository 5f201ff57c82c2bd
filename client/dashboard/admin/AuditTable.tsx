// Audit log entries: when, who, what was done to which record, and the details recorded.
import type { AuditEntry } from '../../../server/contracts/admin';
import type { CsvColumn } from '../csv';
import { formatDateTime } from '../format';
import { AppLink } from '../ui/AppLink';

export const auditColumns: CsvColumn<AuditEntry>[] = [
  { header: 'Id', value: (a) => a.id },
  { header: 'When', value: (a) => formatDateTime(a.at) },
  { header: 'Who', value: (a) => a.actor },
  { header: 'Action', value: (a) => a.action },
  { header: 'Entity', value: (a) => a.entity },
  { header: 'Entity id', value: (a) => a.entityId },
  { header: 'Details', value: (a) => JSON.stringify(a.details) },
  { header: 'Address', value: (a) => a.ip },
];

/** A link to the record an entry is about, where the dashboard has a page for it. */
function entityLink(a: AuditEntry) {
  if (!a.entityId) return a.entity;
  const to = a.entity === 'customer' ? `/customers/${a.entityId}` : a.entity === 'lead' ? `/leads/${a.entityId}` : null;
  return to ? <AppLink to={to}>{`${a.entity} ${a.entityId}`}</AppLink> : `${a.entity} ${a.entityId}`;
}

function details(d: Record<string, unknown>) {
  const entries = Object.entries(d);
  if (entries.length === 0) return null;
  return entries.map(([k, v]) => `${k}: ${Array.isArray(v) && v.length === 2 ? `${JSON.stringify(v[0])} → ${JSON.stringify(v[1])}` : JSON.stringify(v)}`).join('; ');
}

export function AuditTable({ entries, showEntity = true }: { entries: readonly AuditEntry[]; showEntity?: boolean }) {
  return (
    <table className="list audit">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Action</th>
          {showEntity ? <th>Record</th> : null}
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((a) => (
          <tr key={a.id}>
            <td>{formatDateTime(a.at)}</td>
            <td>
              {a.actor}
              {a.ip ? <div className="muted small">{a.ip}</div> : null}
            </td>
            <td>
              <span className="mono">{a.action}</span>
            </td>
            {showEntity ? <td>{entityLink(a)}</td> : null}
            <td className="small">{details(a.details)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
