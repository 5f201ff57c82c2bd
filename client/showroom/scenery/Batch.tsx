// Many copies of one geometry and material: one instanced draw call, or one mesh each in the naive benchmark mode.
import { useLayoutEffect, useRef } from 'react';
import { type BufferGeometry, Color, type InstancedMesh, type Material, Object3D } from 'three';
import { renderMode } from '../renderMode';

/** One copy: position (m), scale per axis, yaw (rad), optional colour multiplied into the material's. */
export interface BatchItem {
  position: [number, number, number];
  scale: [number, number, number];
  rotationY?: number;
  rotationX?: number;
  color?: string;
}

const scratch = new Object3D();
const colour = new Color();

export function Batch({ geometry, material, items, name }: { geometry: BufferGeometry; material: Material; items: BatchItem[]; name?: string }) {
  const ref = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    items.forEach((it, i) => {
      scratch.position.set(...it.position);
      scratch.scale.set(...it.scale);
      scratch.rotation.set(it.rotationX ?? 0, it.rotationY ?? 0, 0, 'YXZ');
      scratch.updateMatrix();
      mesh.setMatrixAt(i, scratch.matrix);
      if (it.color) mesh.setColorAt(i, colour.set(it.color));
    });
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingBox();
    mesh.computeBoundingSphere();
  }, [items]);
  if (items.length === 0) return null;
  if (renderMode.naive) {
    return (
      <group name={name}>
        {items.map((it, i) => {
          const m = it.color ? (material.clone() as Material & { color: Color }) : material;
          if (it.color) (m as Material & { color: Color }).color.multiply(colour.set(it.color));
          return <mesh key={i} geometry={geometry} material={m} position={it.position} scale={it.scale} rotation={[it.rotationX ?? 0, it.rotationY ?? 0, 0, 'YXZ']} />;
        })}
      </group>
    );
  }
  return <instancedMesh ref={ref} name={name} args={[geometry, material, items.length]} key={items.length} />;
}
