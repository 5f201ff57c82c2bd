// The funnel as horizontal bars: sessions that reached each step (did it and every step before), with the share of visits.
import { useMemo } from 'react';
import { Chart } from './Chart';
import { chartColors, chartText } from './echarts';
import type { FunnelData } from './types';

export function FunnelChart({ data }: { data: FunnelData }) {
  const option = useMemo(() => {
    const visits = data.funnel[0]?.reached ?? 0;
    return {
      textStyle: chartText,
      grid: { left: 170, right: 110, top: 10, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: chartText },
      yAxis: { type: 'category', inverse: true, data: data.funnel.map((s) => s.label), axisLabel: { ...chartText, fontSize: 13 } },
      series: [
        {
          name: 'Sessions',
          type: 'bar',
          barWidth: '62%',
          itemStyle: { color: chartColors.accent, borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: 'right',
            ...chartText,
            fontSize: 13,
            formatter: (p: { value: number }) => `${p.value.toLocaleString('en')} · ${visits ? Math.round((p.value / visits) * 100) : 0}%`,
          },
          data: data.funnel.map((s) => s.reached),
        },
      ],
    };
  }, [data]);
  return <Chart option={option} height={260} label="Funnel" />;
}
