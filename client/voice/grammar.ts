// The voice command grammar (JSGF) built from the live catalogue, and the parser from a recognised phrase to a command.
import type { Catalog } from '../../server/contracts/catalog';
import { phraseOf } from './words';

/** What a spoken phrase asks for. `variant` carries the spoken variant words; the open product resolves them. */
export type VoiceCommand =
  | { action: 'show'; productId: string }
  | { action: 'zone'; zoneId: string }
  | { action: 'variant'; variant: string }
  | { action: 'cart' | 'wishlist' | 'cost' | 'turn' | 'next' | 'previous' | 'close' | 'salesperson' | 'help' };

export type VoiceAction = VoiceCommand['action'];

export interface VoiceGrammar {
  /** The grammar in JSGF V1.0, every word lower case. */
  jsgf: string;
  /** Every distinct word the grammar uses (each needs a pronunciation). */
  words: string[];
  /** The command a phrase the grammar accepts stands for; null for anything else. */
  parse(phrase: string): VoiceCommand | null;
}

type Names = Pick<Catalog, 'zones' | 'products'>;

const SHOW = ['show me', 'go to', 'take me to'];
const VARIANT = ['make it', 'show it in'];
// Each phrase written out in full (no optional parts), so the parser below reads exactly what the grammar allows.
const FIXED: ReadonlyArray<readonly [VoiceAction, string]> = [
  ['cart', 'add it to my cart | add to my cart | add it to cart | add to cart'],
  ['wishlist', 'save it | add it to my wishlist | add to my wishlist | add it to wishlist | add to wishlist'],
  ['cost', 'what does it cost | how much is it'],
  ['turn', 'turn it around | turn it'],
  ['next', 'next one | next'],
  ['previous', 'previous one | previous'],
  ['close', 'close it | close'],
  ['salesperson', 'call a salesperson | ask a salesperson | ask for a salesperson'],
  ['help', 'help'],
];
// What each fixed rule may be heard as, for the parser (the grammar's optional words removed).
const FIXED_PATTERNS: ReadonlyArray<readonly [VoiceAction, RegExp]> = [
  ['cart', /^add (it )?to (my )?cart$/],
  ['wishlist', /^(save it|add (it )?to (my )?wishlist)$/],
  ['cost', /^(what does it cost|how much is it)$/],
  ['turn', /^turn it( around)?$/],
  ['next', /^next( one)?$/],
  ['previous', /^previous( one)?$/],
  ['close', /^close( it)?$/],
  ['salesperson', /^(call|ask( for)?) a salesperson$/],
  ['help', /^help$/],
];

/** Spoken names for each product: its full name (short forms such as "oslo" made names too easy to confuse). */
export function productAliases(catalog: Names): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of catalog.products) {
    const full = phraseOf(p.name);
    if (full && !out.has(full)) out.set(full, p.id);
  }
  return out;
}

/** Spoken variant names across the catalogue: each full name and its first word ("navy wool", "navy"). */
export function variantPhrases(catalog: Names): Set<string> {
  const out = new Set<string>();
  for (const p of catalog.products)
    for (const v of p.variants) {
      const full = phraseOf(v.name);
      if (!full) continue;
      out.add(full);
      out.add(full.split(' ')[0]!);
    }
  return out;
}

function zoneAliases(catalog: Names): Map<string, string> {
  const out = new Map<string, string>();
  for (const z of catalog.zones) {
    const n = phraseOf(z.name);
    if (n) out.set(n, z.id);
  }
  return out;
}

const alt = (items: Iterable<string>) => [...items].sort().join(' | ');

/** Builds the grammar and parser for this catalogue's products, variants and zones. */
export function buildGrammar(catalog: Names): VoiceGrammar {
  const products = productAliases(catalog);
  const zones = zoneAliases(catalog);
  const variants = variantPhrases(catalog);
  const rules = [
    `<show> = (${SHOW.flatMap((s) => [s, `${s} the`]).join(' | ')}) (<product> | <zone>);`,
    `<product> = ${alt(products.keys())};`,
    zones.size ? `<zone> = ${alt([...zones.keys()].flatMap((z) => [z, `${z} area`, `${z} section`]))};` : '',
    `<variant> = (${VARIANT.join(' | ')}) <variantname>;`,
    `<variantname> = ${alt(variants)};`,
    ...FIXED.map(([name, body]) => `<${name}> = ${body};`),
  ].filter(Boolean);
  const top = ['show', 'variant', ...FIXED.map(([n]) => n)].map((n) => `<${n}>`).join(' | ');
  const jsgf = `#JSGF V1.0;\ngrammar showroom;\npublic <command> = ${top};\n${rules.join('\n')}\n`;
  const words = new Set<string>();
  for (const m of jsgf.replace(/<[^>]*>|#JSGF V1\.0;|grammar showroom;|public/g, ' ').matchAll(/[a-z']+/g)) words.add(m[0]);

  const showRe = new RegExp(`^(?:${SHOW.join('|')}) (?:the )?(.+?)(?: (?:area|section))?$`);
  const variantRe = new RegExp(`^(?:${VARIANT.join('|')}) (.+)$`);
  const parse = (phrase: string): VoiceCommand | null => {
    const p = phraseOf(phrase);
    if (!p) return null;
    const show = showRe.exec(p);
    if (show) {
      const productId = products.get(show[1]!);
      if (productId) return { action: 'show', productId };
      const zoneId = zones.get(show[1]!);
      if (zoneId) return { action: 'zone', zoneId };
    }
    const v = variantRe.exec(p);
    if (v && variants.has(v[1]!)) return { action: 'variant', variant: v[1]! };
    for (const [action, re] of FIXED_PATTERNS) if (re.test(p)) return { action } as VoiceCommand;
    return null;
  };
  return { jsgf, words: [...words].sort(), parse };
}
