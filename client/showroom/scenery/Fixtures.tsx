// Display fixtures from the layout: floor platforms, pedestals, display walls, ceiling panels, price-tag posts.
import { memo, useMemo } from 'react';
import { BoxGeometry, CylinderGeometry, MeshStandardMaterial } from 'three';
import { CEILING_PANEL_Y, PLATFORM_HEIGHT, ROOM_HEIGHT, type ShowroomLayout } from '../layout';
import { NEAR_POINTERS } from '../xr/useGrab';
import { Batch, type BatchItem } from './Batch';

const unitBox = new BoxGeometry(1, 1, 1);
const unitRod = new CylinderGeometry(0.5, 0.5, 1, 10);
const platformMat = new MeshStandardMaterial({ color: '#d9d3c9', roughness: 0.7 });
const pedestalMat = new MeshStandardMaterial({ color: '#f3f0ea', roughness: 0.55 });
const wallMat = new MeshStandardMaterial({ color: '#ffffff', roughness: 0.9 });
const ceilingPanelMat = new MeshStandardMaterial({ color: '#f6f4f0', roughness: 0.9 });
const metalMat = new MeshStandardMaterial({ color: '#8d8b87', roughness: 0.35, metalness: 0.8 });
const tagMat = new MeshStandardMaterial({ color: '#fbfaf7', roughness: 0.6 });

/** Zone colours for display walls and signs, by zone index. */
export const ZONE_COLOURS = ['#dfe3d6', '#e6dccd', '#dcdfe4', '#e7dcd6', '#e3ded2', '#d9e0df'];

/** Whether a price tag stands on a post (floor displays) rather than sitting on a pedestal or wall. */
export const tagOnPost = (display: string) => display === 'floor' || display === 'ceiling';

export const Fixtures = memo(function Fixtures({ layout }: { layout: ShowroomLayout }) {
  const batches = useMemo(() => {
    const platforms: BatchItem[] = [];
    const pedestals: BatchItem[] = [];
    const walls: BatchItem[] = [];
    const panels: BatchItem[] = [];
    const rods: BatchItem[] = [];
    const tags: BatchItem[] = [];
    for (const p of layout.placements) {
      const f = p.fixture;
      const zone = Math.max(0, layout.zones.findIndex((z) => z.zone.category === p.product.category));
      if (p.display === 'wall') {
        walls.push({ position: [f.x, f.height / 2, f.z], scale: [f.width, f.height, f.depth], color: ZONE_COLOURS[zone % ZONE_COLOURS.length] });
      } else if (p.display === 'pedestal') {
        pedestals.push({ position: [f.x, f.height / 2, f.z], scale: [f.width, f.height, f.depth], rotationY: p.rotationY });
      } else {
        platforms.push({ position: [f.x, PLATFORM_HEIGHT / 2, f.z], scale: [f.width, PLATFORM_HEIGHT, f.depth], rotationY: p.rotationY });
      }
      if (p.display === 'ceiling') {
        panels.push({ position: [p.x, CEILING_PANEL_Y + 0.03, p.z], scale: [1.1, 0.06, 1.1] });
        for (const s of [-1, 1]) rods.push({ position: [p.x + s * 0.45, (CEILING_PANEL_Y + ROOM_HEIGHT) / 2, p.z], scale: [0.012, ROOM_HEIGHT - CEILING_PANEL_Y, 0.012] });
      }
      // The price tag: a slim post with a tilted board, or a plate on the pedestal or wall.
      if (tagOnPost(p.display)) rods.push({ position: [p.tag.x, p.tag.y / 2, p.tag.z], scale: [0.014, p.tag.y - 0.02, 0.014] });
      tags.push({ position: [p.tag.x, p.tag.y, p.tag.z], scale: [0.3, 0.13, 0.012], rotationX: tagOnPost(p.display) ? -0.6 : 0, rotationY: p.tag.rotationY });
    }
    return { platforms, pedestals, walls, panels, rods, tags };
  }, [layout]);
  return (
    <group name="fixtures" pointerEvents="auto" pointerEventsType={{ deny: NEAR_POINTERS }}>
      <Batch name="platforms" geometry={unitBox} material={platformMat} items={batches.platforms} />
      <Batch name="pedestals" geometry={unitBox} material={pedestalMat} items={batches.pedestals} />
      <Batch name="display-walls" geometry={unitBox} material={wallMat} items={batches.walls} />
      <Batch name="ceiling-panels" geometry={unitBox} material={ceilingPanelMat} items={batches.panels} />
      <Batch name="rods" geometry={unitRod} material={metalMat} items={batches.rods} />
      <Batch name="tags" geometry={unitBox} material={tagMat} items={batches.tags} />
    </group>
  );
});
