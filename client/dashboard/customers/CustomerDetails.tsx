// A customer's contact details, address, consents and where they came from; editing for sales and admins.
import { useState } from 'react';
import { formatDateTime } from '../format';
import { canWrite, useMe } from '../me';
import { Card } from '../ui/Card';
import { CustomerForm } from './CustomerForm';
import type { CustomerProfile } from './customerTypes';

function Consent({ given, label }: { given: boolean; label: string }) {
  return <span className={`consent ${given ? 'yes' : 'no'}`}>{given ? `✓ ${label}` : `✗ no ${label}`}</span>;
}

export function CustomerDetails({ profile }: { profile: CustomerProfile }) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const c = profile.customer;
  const address = [c.address, [c.postalCode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ');
  return (
    <Card
      title="Details"
      actions={
        canWrite(me) && !editing ? (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        ) : null
      }
    >
      {editing ? (
        <CustomerForm customer={c} onDone={() => setEditing(false)} />
      ) : (
        <>
          <div className="consents-row">
            <Consent given={c.consentContact} label="consent to contact" />
            <Consent given={c.consentTracking} label="consent to tracking" />
          </div>
          <dl className="facts">
            <dt>Email</dt>
            <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : <span className="muted">none</span>}</dd>
            <dt>Phone</dt>
            <dd>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : <span className="muted">none</span>}</dd>
            <dt>Company</dt>
            <dd>{c.company ?? <span className="muted">none</span>}</dd>
            <dt>Address</dt>
            <dd>{address || <span className="muted">none</span>}</dd>
            <dt>Source</dt>
            <dd>{c.source === 'showroom' ? 'showroom contact form' : c.source === 'import' ? 'imported' : 'added by staff'}</dd>
            <dt>Browsers</dt>
            <dd>{profile.visitorIds.length}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
            <dt>Updated</dt>
            <dd>{formatDateTime(c.updatedAt)}</dd>
          </dl>
        </>
      )}
    </Card>
  );
}
