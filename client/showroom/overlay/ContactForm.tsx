// Desktop form for asking a salesperson: name and an email or phone, and a message; sent with shop.requestContact.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { requestContact, useShop } from '../../shop/shop';
import { productById, useShowroom } from '../store';

export function ContactForm() {
  const about = useShowroom((s) => s.contactForm);
  const busy = useShop((s) => s.busy);
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setError(null);
    if (about) {
      if (document.pointerLockElement) document.exitPointerLock();
      first.current?.focus();
    }
  }, [about]);
  if (!about) return null;
  const product = productById(about.productId);
  const close = () => useShowroom.getState().set({ contactForm: null });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    if (!text('name')) return setError('Please tell us your name.');
    if (!text('email') && !text('phone')) return setError('Please give an email address or a phone number so we can reach you.');
    const ok = await requestContact('form', { ...about, name: text('name'), email: text('email') || undefined, phone: text('phone') || undefined, message: text('message') || undefined }, 'keyboard');
    if (ok) close();
    else setError(useShop.getState().message?.text ?? 'The request could not be sent.');
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <form className="contact-form" role="dialog" aria-modal="true" aria-label="Ask a salesperson" onSubmit={(e) => void submit(e)} onChange={() => setError(null)} noValidate>
        <h2>Ask a salesperson</h2>
        <p>{product ? `About the ${product.name}. ` : ''}We will get back to you, usually within a working day.</p>
        <label>
          Name
          <input ref={first} name="name" autoComplete="name" maxLength={120} required />
        </label>
        <label>
          Email
          <input name="email" type="email" autoComplete="email" maxLength={254} />
        </label>
        <label>
          Phone
          <input name="phone" type="tel" autoComplete="tel" maxLength={40} />
        </label>
        <label>
          Message
          <textarea name="message" rows={3} maxLength={2000} placeholder="What would you like to know?" />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Send request
          </button>
        </div>
      </form>
    </div>
  );
}
