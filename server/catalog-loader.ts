// Reads assets/catalog.json, validates it and reports a bad entry by its index, id and field.
import fs from 'node:fs';
import path from 'node:path';
import { type Catalog, catalogSchema } from './contracts/catalog';
import { formatPath } from './contracts/errors';

export class CatalogError extends Error {}

/** Validates raw catalogue JSON; `file` only labels the messages. */
export function parseCatalog(raw: unknown, file = 'catalog.json', assetsDir?: string): Catalog {
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => {
      const [list, index, ...rest] = issue.path;
      if (typeof index === 'number' && (list === 'products' || list === 'zones') && raw && typeof raw === 'object') {
        const id = (raw as Record<string, { id?: unknown }[]>)[list]?.[index]?.id;
        const label = typeof id === 'string' ? ` (${list === 'products' ? 'product' : 'zone'} "${id}")` : '';
        const tail = formatPath(rest);
        return `${list}[${index}]${label}${tail && !tail.startsWith('[') ? '.' : ''}${tail}: ${issue.message}`;
      }
      return `${formatPath(issue.path) || '(top level)'}: ${issue.message}`;
    });
    throw new CatalogError(`${file} is not a valid catalogue:\n  ${lines.join('\n  ')}`);
  }
  if (assetsDir) {
    const missing = parsed.data.products
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.model && !fs.existsSync(path.join(assetsDir, p.model)));
    if (missing.length > 0) {
      throw new CatalogError(
        `${file} refers to model files that do not exist:\n  ${missing
          .map(({ p, i }) => `products[${i}].model (product "${p.id}"): ${p.model} not found in ${assetsDir}; run npm run assets`)
          .join('\n  ')}`,
      );
    }
  }
  return parsed.data;
}

/** Reads and validates `<assetsDir>/catalog.json`. */
export function loadCatalogFile(assetsDir: string): Catalog {
  const file = path.join(assetsDir, 'catalog.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CatalogError(`${file} could not be read as JSON: ${(err as Error).message}`);
  }
  return parseCatalog(raw, file, assetsDir);
}
