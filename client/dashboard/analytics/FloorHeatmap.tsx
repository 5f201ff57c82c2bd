// Where customers stood: 0.5 m floor cells coloured by standing time, drawn over the showroom's floor plan (bays and stands).
import { useMemo } from 'react';
import { layoutShowroom } from '../../showroom/layout';
import type { Catalog } from '../../../server/contracts/catalog';
import { Chart } from './Chart';
import { chartColors, chartText } from './echarts';
import type { FloorData } from './types';

/** Width the plan is drawn at, px (the page is laid out for 1280 px and wider); the height follows the room's shape. */
const PLAN_WIDTH = 940;

interface Api {
  value(dim: number): number;
  coord(p: [number, number]): [number, number];
  visual(name: string): string;
}

/** A rectangle element between two floor points (metres). */
function rect(api: Api, x0: number, z0: number, x1: number, z1: number, style: Record<string, unknown>) {
  const a = api.coord([x0, z0]);
  const b = api.coord([x1, z1]);
  return { type: 'rect', shape: { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]), width: Math.abs(b[0] - a[0]), height: Math.abs(b[1] - a[1]) }, style };
}

export function FloorHeatmap({ data, catalog }: { data: FloorData; catalog: Pick<Catalog, 'zones' | 'products'> }) {
  const plan = useMemo(() => layoutShowroom(catalog), [catalog]);
  const option = useMemo(() => {
    const half = plan.width / 2;
    const ratio = plan.width / (plan.maxZ - plan.minZ);
    const seconds = data.cells.map(([x, z, n]) => [x, z, Math.round(n * 0.1 * 10) / 10]);
    const max = Math.max(1, ...seconds.map((c) => c[2]!));
    const zones = plan.zones.map((z) => [z.x - z.width / 2, z.z - z.depth / 2, z.x + z.width / 2, z.z + z.depth / 2, z.zone.name] as const);
    const stands = plan.placements.map((p) => [p.fixture.x - p.fixture.width / 2, p.fixture.z - p.fixture.depth / 2, p.fixture.x + p.fixture.width / 2, p.fixture.z + p.fixture.depth / 2] as const);
    return {
      textStyle: chartText,
      grid: { left: 44, top: 16, width: PLAN_WIDTH, height: PLAN_WIDTH / ratio },
      tooltip: { trigger: 'item', formatter: (p: { seriesIndex: number; value: number[] }) => (p.seriesIndex === 2 ? `${p.value[2]} s standing at x ${p.value[0]} m, z ${p.value[1]} m` : '') },
      xAxis: { type: 'value', min: -half, max: half, name: 'x (m)', axisLine: { onZero: false }, axisLabel: { ...chartText, showMinLabel: false, showMaxLabel: false }, splitLine: { show: false } },
      yAxis: { type: 'value', min: plan.minZ, max: plan.maxZ, inverse: true, name: 'z (m)', nameLocation: 'start', axisLine: { onZero: false }, axisLabel: { ...chartText, showMinLabel: false, showMaxLabel: false }, splitLine: { show: false } },
      visualMap: {
        type: 'continuous', seriesIndex: 2, dimension: 2, min: 0, max, calculable: false, orient: 'vertical', right: 10, top: 20,
        text: [`${max} s`, '0 s'], textStyle: chartText, inRange: { color: ['#fde68a', '#f59e0b', '#dc2626', '#7f1d1d'] },
      },
      series: [
        {
          name: 'Bays', type: 'custom', silent: true, data: zones.map((z) => [...z]),
          renderItem: (_: unknown, api: Api & { value(d: number): number | string }) => ({
            type: 'group',
            children: [
              rect(api, api.value(0) as number, api.value(1) as number, api.value(2) as number, api.value(3) as number, { fill: '#f3f0ea', stroke: '#c9c2b6', lineWidth: 1 }),
              { type: 'text', x: api.coord([api.value(0) as number, api.value(1) as number])[0] + 4, y: api.coord([api.value(0) as number, api.value(1) as number])[1] + 4, style: { text: String(api.value(4)), fill: chartColors.muted, font: '600 12px Inter, sans-serif' } },
            ],
          }),
        },
        {
          name: 'Stands', type: 'custom', silent: true, data: stands.map((s) => [...s]),
          renderItem: (_: unknown, api: Api) => rect(api, api.value(0), api.value(1), api.value(2), api.value(3), { fill: '#d8d3ca', stroke: '#9a9388', lineWidth: 1 }),
        },
        {
          name: 'Standing time', type: 'custom', data: seconds,
          renderItem: (_: unknown, api: Api) => rect(api, api.value(0), api.value(1), api.value(0) + data.cellM, api.value(1) + data.cellM, { fill: api.visual('color'), opacity: 0.85 }),
          encode: { x: 0, y: 1, tooltip: 2 },
        },
      ],
    };
  }, [data, plan]);
  return <Chart option={option} height={Math.round(PLAN_WIDTH / (plan.width / (plan.maxZ - plan.minZ))) + 50} label="Floor heatmap" />;
}
