// Sessions by device mode and what they went on to do, as grouped bars.
import { useMemo } from 'react';
import { modeName } from '../format';
import { Chart } from './Chart';
import { chartColors, chartText } from './echarts';
import type { FunnelData } from './types';

const shown: [string, string, string][] = [
  ['visited', 'Sessions', chartColors.accent],
  ['looked', 'Looked at a product', chartColors.soft],
  ['cart', 'Added to cart', chartColors.ok],
  ['contact', 'Asked for a salesperson', chartColors.warn],
];

export function DeviceChart({ data }: { data: FunnelData }) {
  const option = useMemo(
    () => ({
      textStyle: chartText,
      legend: { top: 0, textStyle: chartText },
      grid: { left: 50, right: 16, top: 62, bottom: 28 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: data.modes.map((m) => modeName(m.mode)), axisLabel: { ...chartText, fontSize: 13 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: chartText },
      series: shown.map(([key, name, color]) => ({
        name,
        type: 'bar',
        itemStyle: { color },
        label: { show: true, position: 'top', ...chartText, fontSize: 11 },
        data: data.modes.map((m) => m.steps[key] ?? 0),
      })),
    }),
    [data],
  );
  return <Chart option={option} height={260} label="Device split" />;
}
