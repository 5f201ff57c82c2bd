// Zone signs and price tags as text: all in one draw call (troika BatchedText), one mesh each in naive mode.
import { memo, useEffect, useMemo } from 'react';
import { Group, Object3D } from 'three';
import { BatchedText, configureTextBuilder, Text } from 'troika-three-text';
import { formatPrice } from '../format';
import { type ShowroomLayout } from '../layout';
import { renderMode } from '../renderMode';
import { tagOnPost } from './Fixtures';

/** Fonts served with the app; every label character is in them, so troika never looks elsewhere for glyphs. */
export const FONT_REGULAR = '/assets/fonts/inter-latin-400-normal.woff';
export const FONT_BOLD = '/assets/fonts/inter-latin-600-normal.woff';
// No worker: the page's CSP does not let a worker import blob: scripts, and the few labels typeset quickly here.
configureTextBuilder({ defaultFontURL: FONT_REGULAR, useWorker: false });

/** Where each zone sign hangs: above the front of its bay, facing the aisle. */
export function signPosition(zone: ShowroomLayout['zones'][number]): [number, number, number] {
  return [zone.x, 2.55, zone.z + zone.depth / 2 - 0.3];
}

interface LabelSpec {
  text: string;
  font: string;
  size: number;
  color: string;
  position: [number, number, number];
  rotation: [number, number, number];
  maxWidth?: number;
}

function labelsOf(layout: ShowroomLayout): LabelSpec[] {
  const out: LabelSpec[] = [];
  for (const z of layout.zones) {
    const [x, y, zz] = signPosition(z);
    out.push({ text: z.zone.name.toUpperCase(), font: FONT_BOLD, size: 0.2, color: '#2b2620', position: [x, y, zz + 0.031], rotation: [0, 0, 0] });
  }
  for (const p of layout.placements) {
    const tilt = tagOnPost(p.display) ? -0.6 : 0;
    // Text sits just in front of the tag board's face.
    const n = new Object3D();
    n.rotation.set(tilt, p.tag.rotationY, 0, 'YXZ');
    n.position.set(p.tag.x, p.tag.y, p.tag.z);
    n.translateZ(0.0065);
    const nameAt = n.clone().translateY(0.022);
    const priceAt = n.clone().translateY(-0.03);
    const rot: [number, number, number] = [tilt, p.tag.rotationY, 0];
    out.push({ text: p.product.name, font: FONT_BOLD, size: 0.032, color: '#2b2620', position: nameAt.position.toArray(), rotation: rot, maxWidth: 0.28 });
    out.push({ text: `from ${formatPrice(p.product.price, p.product.currency)}`, font: FONT_REGULAR, size: 0.026, color: '#6b5f52', position: priceAt.position.toArray(), rotation: rot });
  }
  return out;
}

export const Labels = memo(function Labels({ layout }: { layout: ShowroomLayout }) {
  const root = useMemo(() => {
    const texts = labelsOf(layout).map((l) => {
      const t = new Text();
      Object.assign(t, { text: l.text, font: l.font, fontSize: l.size, color: l.color, anchorX: 'center', anchorY: 'middle', maxWidth: l.maxWidth ?? 10 });
      t.position.set(...l.position);
      t.rotation.set(l.rotation[0], l.rotation[1], l.rotation[2], 'YXZ');
      return t;
    });
    const group = renderMode.naive ? new Group() : new BatchedText();
    group.name = 'labels';
    group.add(...texts);
    for (const t of texts) t.sync();
    if (group instanceof BatchedText) group.sync();
    return { group, texts };
  }, [layout]);
  useEffect(
    () => () => {
      for (const t of root.texts) t.dispose();
      if (root.group instanceof BatchedText) root.group.dispose();
    },
    [root],
  );
  return <primitive object={root.group} />;
});
