// Top-down map of the showroom (room, zone bays, stands from the catalogue layout) with a dot and heading line per live visitor.
import { useMemo } from 'react';
import type { Catalog } from '../../../server/contracts/catalog';
import type { LiveSession } from '../../../server/contracts/live';
import { layoutShowroom } from '../../showroom/layout';

/** Pixels per metre on the map. */
const SCALE = 40;
const HEADING_M = 0.9;

interface Props {
  catalog: Catalog;
  sessions: readonly LiveSession[];
  selectedId: string | null;
  onSelect(sessionId: string): void;
  label(s: LiveSession): string;
}

export function FloorMap({ catalog, sessions, selectedId, onSelect, label }: Props) {
  const layout = useMemo(() => layoutShowroom(catalog), [catalog]);
  const minX = -layout.width / 2;
  const w = layout.width * SCALE;
  const h = (layout.maxZ - layout.minZ) * SCALE;
  // Map x right = showroom +x, map y down = showroom +z (the back wall is at the top).
  const px = (x: number) => (x - minX) * SCALE;
  const py = (z: number) => (z - layout.minZ) * SCALE;
  return (
    <svg className="floor-map" viewBox={`-4 -4 ${w + 8} ${h + 8}`} role="img" aria-label="Floor map of the showroom with the visitors in it">
      <rect x={0} y={0} width={w} height={h} className="room" />
      {layout.zones.map((z) => (
        <g key={z.zone.id}>
          <rect x={px(z.x - z.width / 2)} y={py(z.z - z.depth / 2)} width={z.width * SCALE} height={z.depth * SCALE} className="zone" />
          <text x={px(z.x)} y={py(z.z - z.depth / 2) + 16} className="zone-name" textAnchor="middle">
            {z.zone.name}
          </text>
        </g>
      ))}
      {layout.placements.map((p) => (
        <rect
          key={p.product.id}
          className={`stand stand-${p.display}`}
          x={px(p.fixture.x - p.fixture.width / 2)}
          y={py(p.fixture.z - p.fixture.depth / 2)}
          width={Math.max(3, p.fixture.width * SCALE)}
          height={Math.max(3, p.fixture.depth * SCALE)}
          transform={`rotate(${(-p.rotationY * 180) / Math.PI} ${px(p.fixture.x)} ${py(p.fixture.z)})`}
        >
          <title>{p.product.name}</title>
        </rect>
      ))}
      {sessions.map((s) => {
        if (!s.position) return null;
        const { x, z, yaw } = s.position;
        const tipX = x - Math.sin(yaw) * HEADING_M;
        const tipZ = z - Math.cos(yaw) * HEADING_M;
        return (
          <g
            key={s.sessionId}
            className={`visitor mode-${s.mode}${s.sessionId === selectedId ? ' selected' : ''}`}
            data-session-id={s.sessionId}
            data-x={x.toFixed(2)}
            data-z={z.toFixed(2)}
            data-yaw={yaw.toFixed(2)}
            onClick={() => onSelect(s.sessionId)}
          >
            <line x1={px(x)} y1={py(z)} x2={px(tipX)} y2={py(tipZ)} className="heading" />
            <circle cx={px(x)} cy={py(z)} r={9} className="dot" />
            <text x={px(x)} y={py(z) + 24} textAnchor="middle" className="visitor-label">
              {label(s)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
