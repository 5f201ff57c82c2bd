// The timeline text builder: catalogue and variant names, durations, where a look begins, and what is left out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../../server/contracts/catalog';
import { buildTimeline, clock, describeEvent, spokenDuration, type TimelineEvent } from './timeline';

const catalog = catalogSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../assets/catalog.json'), 'utf8')));
const T = 1_767_000_000_000;
let seq = 0;
const ev = (type: string, over: Partial<TimelineEvent> = {}): TimelineEvent => ({ seq: seq++, ts: T, type, input: 'mouse', productId: null, variantId: null, props: {}, ...over });
const text = (e: TimelineEvent) => describeEvent(e, catalog)?.text;

describe('timeline text', () => {
  it('says what the customer looked at, in which variant and for how long, from where the look began', () => {
    const e = ev('dwell_end', { ts: T + 20_000, input: 'gaze', productId: 'oslo-chair', variantId: 'navy', props: { durationMs: 12_300, distanceM: 2.04 } });
    expect(describeEvent(e, catalog)).toMatchObject({ text: 'Looked at Oslo Chair, navy wool, for 12 s from 2.0 m', ts: T + 7_700, kind: 'look', productId: 'oslo-chair' });
  });

  it('quotes what the customer said, and says when it was not understood', () => {
    expect(describeEvent(ev('voice_command', { input: 'voice', props: { phrase: 'make it navy', confidence: 0.8, understood: true } }), catalog)).toMatchObject({ text: "Said 'make it navy'", kind: 'voice' });
    expect(text(ev('voice_command', { input: 'voice', props: { phrase: 'show me the fjord', confidence: 0.3, understood: false } }))).toBe("Said 'show me the fjord' (not understood)");
  });

  it('names products and variants for selects, variant changes, the cart, the wishlist and requests', () => {
    expect(text(ev('product_select', { productId: 'oslo-chair', variantId: 'sand' }))).toBe('Opened Oslo Chair (Sand wool)');
    expect(text(ev('variant_change', { productId: 'oslo-chair', variantId: 'navy', props: { from: 'sand' } }))).toBe('Switched Oslo Chair to Navy wool (from Sand wool)');
    expect(text(ev('cart_add', { productId: 'oslo-chair', variantId: 'navy', props: { quantity: 1 } }))).toBe('Added Oslo Chair (Navy wool) to cart');
    expect(text(ev('cart_add', { productId: 'oslo-chair', variantId: 'navy', props: { quantity: 2 } }))).toBe('Added 2 × Oslo Chair (Navy wool) to cart');
    expect(text(ev('cart_remove', { productId: 'oslo-chair', variantId: 'navy' }))).toBe('Removed Oslo Chair (Navy wool) from cart');
    expect(text(ev('wishlist_add', { productId: 'oslo-chair', variantId: 'sand' }))).toBe('Saved Oslo Chair (Sand wool) to the wishlist');
    expect(text(ev('contact_request', { productId: 'oslo-chair', variantId: 'sand', props: { channel: 'one-press' } }))).toBe('Asked for a salesperson about Oslo Chair (Sand wool) (one press)');
    expect(text(ev('contact_request', { props: { channel: 'form' } }))).toBe('Asked for a salesperson (contact form)');
    expect(text(ev('recommendation_click', { productId: 'oslo-chair', props: { from: 'bergen-armchair', position: 1 } }))).toBe('Opened Oslo Chair from "You may also like" under Bergen Armchair');
    expect(text(ev('staff_message_shown', { input: 'system', props: { messageId: 4, display: 'panel' } }))).toBe("Saw a salesperson's message (panel in the headset)");
    expect(text(ev('staff_message_dismissed', { props: { messageId: 4, durationMs: 6_400 } }))).toBe("Dismissed the salesperson's message after 6 s");
  });

  it('names the headset from its input profile, and the way back', () => {
    expect(text(ev('mode_change', { input: 'system', props: { mode: 'vr', from: 'desktop', profile: 'meta-quest-touch-plus' } }))).toBe('Entered VR (Meta Quest 3)');
    expect(text(ev('mode_change', { input: 'system', props: { mode: 'vr', from: 'desktop', profile: 'some-new-headset' } }))).toBe('Entered VR (some-new-headset)');
    expect(text(ev('mode_change', { input: 'system', props: { mode: 'desktop', from: 'vr' } }))).toBe('Left VR');
    expect(text(ev('session_start', { input: 'system', props: { mode: 'desktop', viewportWidth: 1280, viewportHeight: 720 } }))).toBe('Arrived in the showroom on a desktop browser (1280×720)');
    expect(text(ev('grab_end', { input: 'controller', productId: 'oslo-chair', props: { durationMs: 4000, hand: 'right' } }))).toBe('Picked up Oslo Chair in the right hand for 4 s');
  });

  it('falls back to ids for products the catalogue no longer has, and leaves out noise', () => {
    expect(text(ev('product_select', { productId: 'gone-sofa', variantId: 'red' }))).toBe('Opened gone-sofa (red)');
    for (const type of ['product_hover_start', 'product_hover_end', 'dwell_start', 'perf', 'panel_close', 'inspect_start', 'grab_start']) expect(text(ev(type))).toBeUndefined();
  });

  it('orders entries by when they began, sequence number breaking ties', () => {
    const events = [
      ev('product_select', { ts: T + 5_000, productId: 'oslo-chair' }),
      ev('dwell_end', { ts: T + 9_000, input: 'gaze', productId: 'oslo-chair', props: { durationMs: 6_000 } }),
      ev('cart_add', { ts: T + 9_000, productId: 'oslo-chair', props: {} }),
      ev('product_hover_start', { ts: T + 1_000, productId: 'oslo-chair' }),
    ];
    expect(buildTimeline(events, catalog).map((e) => [e.kind, e.ts - T])).toEqual([
      ['look', 3_000],
      ['select', 5_000],
      ['cart', 9_000],
    ]);
  });

  it('names the variant of a look from what the session showed of that product, else the default', () => {
    const events = [
      ev('dwell_end', { ts: T + 1_000, input: 'gaze', productId: 'oslo-chair', props: { durationMs: 500 } }),
      ev('variant_change', { ts: T + 2_000, productId: 'oslo-chair', variantId: 'navy', props: { from: 'sand' } }),
      ev('dwell_end', { ts: T + 9_000, input: 'gaze', productId: 'oslo-chair', props: { durationMs: 3_000 } }),
    ];
    expect(buildTimeline(events, catalog).filter((e) => e.kind === 'look').map((e) => e.text)).toEqual([
      'Looked at Oslo Chair, sand wool, for 0.5 s',
      'Looked at Oslo Chair, navy wool, for 3 s',
    ]);
  });

  it('speaks durations and clock offsets', () => {
    expect([spokenDuration(400), spokenDuration(12_300), spokenDuration(60_000), spokenDuration(125_000)]).toEqual(['0.4 s', '12 s', '1 min', '2 min 5 s']);
    expect([clock(0), clock(65_900), clock(3_725_000)]).toEqual(['0:00', '1:05', '1:02:05']);
  });
});
