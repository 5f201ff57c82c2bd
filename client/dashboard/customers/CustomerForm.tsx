// Creates a customer or edits one: contact details, address and the two consents.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { queryClient, trpc } from '../trpc';
import { InlineError } from '../ui/States';
import type { Customer } from './customerTypes';

const textFields = [
  ['name', 'Name', 'text', 'name'],
  ['email', 'Email', 'email', 'email'],
  ['phone', 'Phone', 'tel', 'tel'],
  ['company', 'Company', 'text', 'organization'],
  ['address', 'Street and number', 'text', 'street-address'],
  ['postalCode', 'Postal code', 'text', 'postal-code'],
  ['city', 'City', 'text', 'address-level2'],
  ['country', 'Country (two letters, e.g. DE)', 'text', 'country'],
] as const;
type TextKey = (typeof textFields)[number][0];

export function CustomerForm({ customer, onDone }: { customer?: Customer; onDone: (c: Customer | null) => void }) {
  const [text, setText] = useState<Record<TextKey, string>>(() => Object.fromEntries(textFields.map(([k]) => [k, customer?.[k] ?? ''])) as Record<TextKey, string>);
  const [consentContact, setConsentContact] = useState(customer?.consentContact ?? false);
  const [consentTracking, setConsentTracking] = useState(customer?.consentTracking ?? false);
  const done = (c: Customer) => {
    void queryClient.invalidateQueries({ queryKey: trpc.customers.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
    onDone(c);
  };
  const create = useMutation(trpc.customers.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.customers.update.mutationOptions({ onSuccess: done }));
  const m = customer ? update : create;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...text, consentContact, consentTracking };
    if (customer) update.mutate({ id: customer.id, ...fields });
    else create.mutate(fields);
  };
  return (
    <form className="form grid2" onSubmit={submit} aria-label={customer ? 'Edit customer' : 'New customer'}>
      {textFields.map(([key, label, type, autoComplete]) => (
        <label key={key} className={key === 'address' ? 'span2' : undefined}>
          {label}
          <input type={type} autoComplete={autoComplete} value={text[key]} onChange={(e) => setText({ ...text, [key]: e.target.value })} />
        </label>
      ))}
      <fieldset className="span2 consents">
        <legend>Consent</legend>
        <label className="check">
          <input type="checkbox" checked={consentContact} onChange={(e) => setConsentContact(e.target.checked)} /> Agreed to be contacted by the sales team
        </label>
        <label className="check">
          <input type="checkbox" checked={consentTracking} onChange={(e) => setConsentTracking(e.target.checked)} /> Agreed that showroom visits are linked and analysed
        </label>
      </fieldset>
      <p className="hint span2">An email address or a phone number is needed.</p>
      <div className="span2">
        <InlineError error={m.error} />
      </div>
      <div className="buttons span2">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={m.isPending}>
          {m.isPending ? 'Saving…' : customer ? 'Save changes' : 'Create customer'}
        </button>
      </div>
    </form>
  );
}
