// The selected product's details: name, price and description, with a close button.
import { useEffect } from 'react';
import { track } from '../telemetry/recorder';
import { productById, useShowroom } from './store';

/** Formats an amount in major units, e.g. 249 EUR -> "€249.00". */
export function formatPrice(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
}

export function ProductPanel() {
  const selectedId = useShowroom((s) => s.selectedId);
  const product = productById(selectedId);
  useEffect(() => {
    if (!product) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.pointerLockElement) close('keyboard');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  if (!product) return null;
  const close = (input: 'mouse' | 'keyboard') => {
    track({ type: 'panel_close', input, productId: product.id });
    useShowroom.getState().select(null);
  };
  return (
    <aside className="panel" aria-label={`${product.name} details`} role="dialog">
      <button className="panel-close" aria-label="Close" onClick={() => close('mouse')}>
        ×
      </button>
      <h2>{product.name}</h2>
      <p className="price">{formatPrice(product.price, product.currency)}</p>
      <p>{product.description}</p>
      <p className="dims">
        {Math.round(product.dimensions.width * 100)} × {Math.round(product.dimensions.depth * 100)} ×{' '}
        {Math.round(product.dimensions.height * 100)} cm (W × D × H)
      </p>
    </aside>
  );
}
