// The probe with real three.js objects: the centre ray finds the nearest product, dwells are timed, poses sampled, bounds cached.
import { BoxGeometry, Group, Mesh, MeshBasicMaterial, PerspectiveCamera, Scene, Vector3, type WebGLRenderer } from 'three';
import { describe, expect, it } from 'vitest';
import type { TrackInput } from '../../server/contracts/events';
import { decodePoseChunk } from '../../server/contracts/pose';
import { fromBase64 } from '../../server/contracts/base64';
import { castGaze } from './gaze';
import { GazeTargets } from './gazeTargets';
import { Probe } from './probe';

function product(id: string, x: number, z: number, size = 1): Group {
  const g = new Group();
  g.name = `product-${id}`;
  g.position.set(x, 0, z);
  const m = new Mesh(new BoxGeometry(size, size, size), new MeshBasicMaterial());
  m.position.y = size / 2;
  g.add(m);
  return g;
}

function world() {
  const scene = new Scene();
  const chair = product('oslo-chair', 0, -5);
  const sofa = product('fjord-sofa', 0, -10, 3);
  const lamp = product('halo-floor-lamp', 4, -5);
  scene.add(chair, sofa, lamp);
  const camera = new PerspectiveCamera(70, 1, 0.05, 100);
  camera.position.set(0, 0.5, 0);
  scene.updateMatrixWorld(true);
  const gl = { xr: { isPresenting: false, getCamera: () => camera, getReferenceSpace: () => null } } as unknown as WebGLRenderer;
  const events: TrackInput[] = [];
  const probe = new Probe((e) => events.push(e), (id) => (id === 'oslo-chair' ? 'navy' : undefined));
  return { scene, camera, gl, events, probe, chair, sofa, lamp };
}

describe('gaze', () => {
  it('hits the nearest product along the ray, through groups that are moved, turned and scaled', () => {
    const { scene, chair, sofa } = world();
    const targets = new GazeTargets();
    targets.scan(scene);
    expect(targets.list.map((t) => t.productId).sort()).toEqual(['fjord-sofa', 'halo-floor-lamp', 'oslo-chair']);
    const hit = { target: null as null | { productId: string }, distance: 0 };
    const eye = new Vector3(0, 0.5, 0);
    const ahead = new Vector3(0, 0, -1);
    castGaze(targets.list, eye, ahead, hit as never);
    expect(hit.target?.productId).toBe('oslo-chair'); // the chair stands in front of the sofa
    expect(hit.distance).toBeCloseTo(4.5, 5);
    chair.position.x = 3; // moved out of the way: the sofa behind is hit, no rescan needed
    chair.updateMatrixWorld(true);
    castGaze(targets.list, eye, ahead, hit as never);
    expect(hit.target?.productId).toBe('fjord-sofa');
    expect(hit.distance).toBeCloseTo(8.5, 5);
    sofa.scale.setScalar(0.1); // shrunk below the eye line: nothing hit
    sofa.updateMatrixWorld(true);
    castGaze(targets.list, eye, ahead, hit as never);
    expect(hit.target).toBeNull();
    castGaze(targets.list, eye, new Vector3(0, 0, 1), hit as never);
    expect(hit.target).toBeNull(); // nothing behind the viewer
  });

  it('ignores objects that share the name prefix but are no catalogue product (an in-scene panel)', () => {
    const { scene } = world();
    const panel = new Group();
    panel.name = 'product-panel';
    panel.add(new Mesh(new BoxGeometry(1, 1, 0.02)));
    scene.add(panel);
    const catalogue = new Set(['oslo-chair', 'fjord-sofa', 'halo-floor-lamp']);
    const targets = new GazeTargets((id) => catalogue.has(id));
    targets.scan(scene);
    expect(targets.list.map((t) => t.productId).sort()).toEqual(['fjord-sofa', 'halo-floor-lamp', 'oslo-chair']);
  });

  it('computes bounds once per model and again only when the model under the group changes', () => {
    const { scene, chair } = world();
    const targets = new GazeTargets();
    targets.scan(scene);
    targets.scan(scene);
    expect(targets.boundsComputed).toBe(3);
    chair.add(new Mesh(new BoxGeometry(1, 4, 1), new MeshBasicMaterial())); // a variant with a taller part loads
    targets.scan(scene);
    expect(targets.boundsComputed).toBe(4);
    expect(targets.list.find((t) => t.productId === 'oslo-chair')!.box.max.y).toBeCloseTo(2, 5);
    scene.remove(chair);
    targets.scan(scene);
    expect(targets.list.map((t) => t.productId)).not.toContain('oslo-chair');
  });
});

describe('Probe', () => {
  it('logs a dwell with input gaze and the current variant after the centre of view rests 250 ms on a product', () => {
    const { scene, camera, gl, events, probe } = world();
    for (let t = 0; t <= 1000; t += 16) probe.frame(1000 + t, { scene, camera, gl });
    camera.lookAt(4, 0.5, -5); // turn to the lamp
    for (let t = 1016; t <= 1600; t += 16) probe.frame(1000 + t, { scene, camera, gl });
    const dwell = events.filter((e) => e.type.startsWith('dwell'));
    expect(dwell.map((e) => [e.type, e.productId, e.input])).toEqual([
      ['dwell_start', 'oslo-chair', 'gaze'],
      ['dwell_end', 'oslo-chair', 'gaze'],
      ['dwell_start', 'halo-floor-lamp', 'gaze'],
    ]);
    expect(dwell[0]!.variantId).toBe('navy');
    const end = dwell[1]!.props as { durationMs: number; distanceM: number };
    expect(end.durationMs).toBeGreaterThanOrEqual(1000);
    expect(end.durationMs).toBeLessThanOrEqual(1100);
    expect(end.distanceM).toBeCloseTo(4.5, 1);
  });

  it('samples the head at 10 Hz into 2-second pose chunks', () => {
    const { scene, camera, gl, events, probe } = world();
    for (let t = 0; t < 4100; t += 16) {
      camera.position.x = t / 1000;
      probe.frame(t, { scene, camera, gl });
    }
    const poses = events.filter((e) => e.type === 'pose');
    expect(poses).toHaveLength(2);
    const props = poses[1]!.props as { samples: number; data: string; mode: string };
    expect(props).toMatchObject({ samples: 20, mode: 'desktop' });
    const chunk = decodePoseChunk(fromBase64(props.data)!);
    expect(chunk.samples.map((s) => s.t)).toEqual(Array.from({ length: 20 }, (_, i) => expect.closeTo(i * 100, -1.6)));
    expect(chunk.samples[0]!.head!.px).toBeCloseTo(2.0, 1);
    expect(chunk.samples.every((s) => s.mask === 1)).toBe(true);
    probe.flush(4100);
    expect(events.filter((e) => e.type === 'pose')).toHaveLength(3);
  });
});
