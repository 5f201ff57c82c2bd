// The charting library, tree-shaken: only the chart types and components the analytics page draws, as SVG (text stays in the page, readable by tests and screen readers).
import { BarChart, CustomChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, CustomChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** Text colours and font of the dashboard, for chart labels. */
export const chartText = { color: '#1f2328', fontFamily: 'Inter, system-ui, sans-serif', fontSize: 12 };
export const chartColors = { accent: '#2d5b8a', soft: '#9cb8d6', ok: '#2f7a3d', warn: '#a15c00', muted: '#6a6f76', line: '#e3e0da' };
