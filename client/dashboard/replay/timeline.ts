// Turns a session's stored events into a readable timeline ("Looked at Oslo Chair, sand, for 12 s") and a dwell ranking.
import type { Catalog } from '../../../server/contracts/catalog';
import { HEADSETS, MODE_NAMES, spokenDuration } from './words';

export { clock, spokenDuration } from './words';

/** The fields of a stored event the timeline reads (as `staff.session` returns them). */
export interface TimelineEvent {
  seq: number;
  /** Browser ms since the epoch. */
  ts: number;
  type: string;
  input: string;
  productId: string | null;
  variantId: string | null;
  props: Record<string, unknown>;
}

/** What kind of moment an entry is: it picks the marker colour in the replay and the dot in the list. */
export type EntryKind = 'visit' | 'device' | 'look' | 'select' | 'variant' | 'inspect' | 'grab' | 'cart' | 'wishlist' | 'contact' | 'move' | 'voice' | 'problem';

export interface TimelineEntry {
  /** The event's sequence number (dwell entries: the `dwell_end`). */
  seq: number;
  /** When it happened, browser ms since the epoch (a dwell: when the look began). */
  ts: number;
  kind: EntryKind;
  text: string;
  productId: string | null;
  /** The variant involved (for a variant change: the new one). */
  variantId: string | null;
}

type Names = Pick<Catalog, 'products'>;

function namer(catalog: Names) {
  const product = (id: string | null) => catalog.products.find((p) => p.id === id);
  const variantName = (productId: string | null, variantId: string | null) =>
    (variantId && product(productId)?.variants.find((v) => v.id === variantId)?.name) || variantId || null;
  return {
    /** "Oslo Chair". */
    name: (id: string | null) => product(id)?.name ?? id ?? 'a product',
    /** "Oslo Chair (Sand)", or the name alone without a variant. */
    full: (id: string | null, variantId: string | null) => {
      const v = variantName(id, variantId);
      return v ? `${product(id)?.name ?? id} (${v})` : (product(id)?.name ?? id ?? 'a product');
    },
    /** "Oslo Chair, sand". */
    spoken: (id: string | null, variantId: string | null) => {
      const v = variantName(id, variantId);
      return v ? `${product(id)?.name ?? id}, ${v.toLowerCase()}` : (product(id)?.name ?? id ?? 'a product');
    },
    variantName,
  };
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const handWord = (v: unknown) => (v === 'left' || v === 'right' ? ` in the ${v} hand` : '');

/** One readable line for an event, or null for events that only add noise (hover, dwell start, poses, perf). */
export function describeEvent(e: TimelineEvent, catalog: Names): Omit<TimelineEntry, 'seq'> | null {
  const n = namer(catalog);
  const p = e.productId;
  const at = (kind: EntryKind, text: string, ts = e.ts) => ({ ts, kind, text, productId: p, variantId: e.variantId });
  switch (e.type) {
    case 'session_start': {
      const w = num(e.props.viewportWidth), h = num(e.props.viewportHeight);
      const screen = w && h ? ` (${w}×${h}${e.props.touch ? ', touch screen' : ''})` : '';
      return at('visit', `Arrived in the showroom on ${e.props.mode === 'desktop' || !e.props.mode ? 'a desktop browser' : MODE_NAMES[String(e.props.mode)]}${screen}`);
    }
    case 'session_end':
      return at('visit', e.props.reason === 'idle' ? 'Went idle' : 'Left the showroom');
    case 'mode_change': {
      const mode = String(e.props.mode);
      if (mode === 'desktop') return at('device', `Left ${MODE_NAMES[String(e.props.from)] ?? 'XR'}`);
      const profile = str(e.props.profile);
      const device = profile ? ` (${HEADSETS[profile] ?? profile})` : '';
      return at('device', `Entered ${MODE_NAMES[mode] ?? mode}${device}`);
    }
    case 'dwell_end': {
      const d = num(e.props.durationMs) ?? 0;
      const dist = num(e.props.distanceM);
      return at('look', `Looked at ${n.spoken(p, e.variantId)}${n.variantName(p, e.variantId) ? ',' : ''} for ${spokenDuration(d)}${dist ? ` from ${dist.toFixed(1)} m` : ''}`, e.ts - d);
    }
    case 'product_select':
      return at('select', `Opened ${n.full(p, e.variantId)}`);
    case 'variant_change': {
      const from = n.variantName(p, str(e.props.from) ?? null);
      return at('variant', `Switched ${n.name(p)} to ${n.variantName(p, e.variantId)}${from ? ` (from ${from})` : ''}`);
    }
    case 'inspect_end':
      return at('inspect', `Turned ${n.name(p)} over for ${spokenDuration(num(e.props.durationMs) ?? 0)}`, e.ts - (num(e.props.durationMs) ?? 0));
    case 'grab_end':
      return at('grab', `Picked up ${n.name(p)}${handWord(e.props.hand)} for ${spokenDuration(num(e.props.durationMs) ?? 0)}`, e.ts - (num(e.props.durationMs) ?? 0));
    case 'cart_add':
    case 'cart_remove': {
      const q = num(e.props.quantity) ?? 1;
      const what = `${q > 1 ? `${q} × ` : ''}${n.full(p, e.variantId)}`;
      return at('cart', e.type === 'cart_add' ? `Added ${what} to cart` : `Removed ${what} from cart`);
    }
    case 'wishlist_add':
      return at('wishlist', `Saved ${n.full(p, e.variantId)} to the wishlist`);
    case 'wishlist_remove':
      return at('wishlist', `Removed ${n.full(p, e.variantId)} from the wishlist`);
    case 'contact_request': {
      const how = e.props.channel === 'one-press' ? ' (one press)' : ' (contact form)';
      return at('contact', `Asked for a salesperson${p ? ` about ${n.full(p, e.variantId)}` : ''}${how}`);
    }
    case 'recommendation_click':
      return at('select', `Opened ${n.name(p)} from "You may also like"${str(e.props.from) ? ` under ${n.name(str(e.props.from)!)}` : ''}`);
    case 'staff_message_shown':
      return at('contact', `Saw a salesperson's message${e.props.display === 'panel' ? ' (panel in the headset)' : ''}`);
    case 'staff_message_dismissed': {
      const ms = num(e.props.durationMs);
      return at('contact', `Dismissed the salesperson's message${ms !== undefined ? ` after ${spokenDuration(ms)}` : ''}`);
    }
    case 'voice_command': {
      const phrase = str(e.props.phrase);
      if (!phrase) return at('voice', 'Spoke, but no words were heard');
      return at('voice', `Said '${phrase}'${e.props.understood === false ? ' (not understood)' : ''}`);
    }
    case 'teleport':
      return at('move', `Teleported${e.props.method === 'click' ? ' (clicked the floor)' : ''}`);
    case 'ar_place':
      return at('device', `Placed ${n.full(p, e.variantId)} in their own room (AR)`);
    case 'gamepad_connected':
      return at('device', `Connected a gamepad${str(e.props.id) ? ` (${str(e.props.id)})` : ''}`);
    case 'error':
      return at('problem', `The page reported an error: ${str(e.props.message) ?? str(e.props.kind) ?? 'unknown'}`);
    case 'telemetry_drop':
      return at('problem', `Some recording was lost (${str(e.props.reason) ?? 'unknown reason'})`);
    default:
      return null;
  }
}

/** The session's readable timeline in the order things happened (a look is placed where it began), with catalogue and variant names. */
export function buildTimeline(events: readonly TimelineEvent[], catalog: Names): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  // Looks carry no variant: it is the one last seen for that product in the session, else the showroom's default (the first).
  const shown = new Map<string, string>();
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    let ev = e;
    if (e.productId && e.variantId) shown.set(e.productId, e.variantId);
    else if (e.productId && e.type === 'dwell_end') {
      const variantId = shown.get(e.productId) ?? catalog.products.find((p) => p.id === e.productId)?.variants[0]?.id ?? null;
      ev = { ...e, variantId };
    }
    const d = describeEvent(ev, catalog);
    if (d) out.push({ seq: e.seq, ...d });
  }
  return out.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
}
