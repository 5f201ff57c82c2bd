// Product and variant names from the catalogue, for lists that only hold ids.
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';

/** `name(productId, variantId?)` gives "Oslo Chair (Sand)", or the ids while the catalogue loads. */
export function useProductNames(): (productId: string | null | undefined, variantId?: string | null) => string {
  const q = useQuery(trpc.catalog.get.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  return (productId, variantId) => {
    if (!productId) return '';
    const product = q.data?.products.find((p) => p.id === productId);
    const variant = variantId ? product?.variants.find((v) => v.id === variantId) : undefined;
    const name = product?.name ?? productId;
    return variantId ? `${name} (${variant?.name ?? variantId})` : name;
  };
}
