// The attention ranking: the products customers looked at longest (total dwell time), with the number of sessions.
import { useMemo } from 'react';
import { Chart } from './Chart';
import { chartColors, chartText } from './echarts';
import type { ProductRow } from './types';

const TOP = 12;

export function AttentionChart({ rows, name }: { rows: ProductRow[]; name: (id: string) => string }) {
  const option = useMemo(() => {
    const top = rows.slice(0, TOP);
    return {
      textStyle: chartText,
      grid: { left: 160, right: 130, top: 10, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', name: 'minutes', nameLocation: 'end', axisLabel: chartText },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => name(r.productId)), axisLabel: { ...chartText, fontSize: 12 } },
      series: [
        {
          name: 'Dwell time (min)',
          type: 'bar',
          barWidth: '60%',
          itemStyle: { color: chartColors.accent, borderRadius: [0, 4, 4, 0] },
          label: {
            show: true,
            position: 'right',
            ...chartText,
            formatter: (p: { dataIndex: number; value: number }) => `${p.value.toFixed(1)} min · ${top[p.dataIndex]!.views} sessions`,
          },
          data: top.map((r) => Math.round((r.dwellMs / 60_000) * 10) / 10),
        },
      ],
    };
  }, [rows, name]);
  return <Chart option={option} height={Math.max(120, 40 + Math.min(rows.length, TOP) * 28)} label="Attention ranking" />;
}
