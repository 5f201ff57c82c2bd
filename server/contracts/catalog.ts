// Zod schema of the product catalogue (assets/catalog.json) and the types shared with the client.
import { z } from 'zod';
import { slugSchema as slug } from './ids';

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1e6bd6"');

const money = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most 2 decimals');

const metres = z.number().finite().positive().max(10, 'must be at most 10 (metres)');

export const variantSchema = z.object({
  id: slug,
  name: z.string().min(1).max(60),
  /** Main colour of the variant, sRGB hex. */
  color: hexColor,
  /** Finish of the main material. */
  material: z.enum(['fabric', 'leather', 'wood', 'metal', 'plastic', 'glass', 'ceramic', 'stone']),
  /** Price difference to the product's base price, in the product's currency. */
  priceDelta: money.default(0),
  /** Optional PBR overrides of the finish (0 = mirror-smooth / 1 = matt; 0 = dielectric / 1 = bare metal). */
  roughness: z.number().finite().min(0).max(1).optional(),
  metalness: z.number().finite().min(0).max(1).optional(),
});

/** How a product is shown: on a floor platform, on a pedestal, hung on a display wall, or hung from a ceiling panel. */
export const displayKinds = ['floor', 'pedestal', 'wall', 'ceiling'] as const;

export const productSchema = z.object({
  id: slug,
  sku: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/, 'must be 3-32 upper-case letters, digits and dashes'),
  name: z.string().min(1).max(80),
  category: slug,
  /** Base price in major units of `currency`. */
  price: money.nonnegative(),
  currency: z.enum(['EUR', 'USD', 'GBP', 'SEK', 'NOK', 'DKK', 'CHF']),
  description: z.string().min(1).max(600),
  /** Outer size in metres. */
  dimensions: z.object({ width: metres, depth: metres, height: metres }),
  /** Model file, relative to assets/ (a glTF binary). */
  model: z.string().regex(/^models\/[a-z0-9-]+\.glb$/, 'must be a path like "models/oslo-chair.glb"'),
  display: z.enum(displayKinds).default('floor'),
  variants: z.array(variantSchema).min(1).max(12),
  tags: z.array(z.string().min(1).max(30)).max(12).default([]),
});

export const zoneSchema = z.object({
  id: slug,
  name: z.string().min(1).max(40),
  /** The product category shown in this zone. */
  category: slug,
});

export const catalogSchema = z
  .object({
    name: z.string().min(1).max(80),
    zones: z.array(zoneSchema).min(1).max(12),
    products: z.array(productSchema).min(1).max(500),
  })
  .superRefine((cat, ctx) => {
    const seen = new Map<string, number>();
    const skus = new Map<string, number>();
    const categories = new Set(cat.zones.map((z) => z.category));
    cat.products.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['products', i, 'id'], message: `duplicates the id of products[${seen.get(p.id)}]` });
      seen.set(p.id, i);
      if (skus.has(p.sku)) ctx.addIssue({ code: 'custom', path: ['products', i, 'sku'], message: `duplicates the SKU of products[${skus.get(p.sku)}]` });
      skus.set(p.sku, i);
      if (!categories.has(p.category)) ctx.addIssue({ code: 'custom', path: ['products', i, 'category'], message: `"${p.category}" has no zone; add a zone with this category` });
      const variantIds = new Set<string>();
      p.variants.forEach((v, j) => {
        if (variantIds.has(v.id)) ctx.addIssue({ code: 'custom', path: ['products', i, 'variants', j, 'id'], message: 'duplicates another variant id of this product' });
        variantIds.add(v.id);
      });
    });
  });

export type Variant = z.infer<typeof variantSchema>;
export type DisplayKind = (typeof displayKinds)[number];
export type Product = z.infer<typeof productSchema>;
export type Zone = z.infer<typeof zoneSchema>;
export type Catalog = z.infer<typeof catalogSchema>;
