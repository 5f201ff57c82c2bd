// Analytics over a day range: funnel, device split, attention ranking, floor heatmap and the per-product table (CSV export).
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../trpc';
import { Card } from '../ui/Card';
import { ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useProductNames } from '../ui/useCatalog';
import { useFilters } from '../ui/useFilters';
import { AttentionChart } from './AttentionChart';
import { DeviceChart } from './DeviceChart';
import { FloorHeatmap } from './FloorHeatmap';
import { FunnelChart } from './FunnelChart';
import { productColumns } from './productColumns';
import { ProductTable } from './ProductTable';
import { analyticsFilterKeys, effectiveRange, RangeFilters } from './RangeFilters';

export function AnalyticsPage() {
  const [filters, setFilters] = useFilters(analyticsFilterKeys);
  const input = effectiveRange(filters);
  const name = useProductNames();
  const catalog = useQuery(trpc.catalog.get.queryOptions(undefined, { staleTime: 10 * 60_000 }));
  const products = useQuery(trpc.analytics.products.queryOptions(input));
  const funnel = useQuery(trpc.analytics.funnel.queryOptions(input));
  const floor = useQuery(trpc.analytics.floor.queryOptions(input));
  const rows = products.data?.items ?? [];
  return (
    <section className="analytics">
      <PageHeader
        title="Analytics"
        intro="What customers did in the showroom over these days. Looking is measured by head direction (the centre of the view on a screen), an approximation of eye gaze: a product counts as looked at after 250 ms."
        actions={<ExportButton list="product-analytics" columns={productColumns(name)} rows={async () => ({ rows, truncated: false })} />}
      />
      <RangeFilters values={filters} set={setFilters} />
      {funnel.isError ? <ErrorBox error={funnel.error} retry={() => void funnel.refetch()} /> : null}
      <div className="chart-grid">
        <Card title={`Funnel${funnel.data ? ` · ${funnel.data.sessions.toLocaleString('en')} sessions` : ''}`}>
          {funnel.data ? <FunnelChart data={funnel.data} /> : <Loading what="the funnel" />}
        </Card>
        <Card title="By device">{funnel.data ? <DeviceChart data={funnel.data} /> : <Loading what="the device split" />}</Card>
        <Card className="wide" title="Attention ranking (total dwell time)">
          {products.isError ? <ErrorBox error={products.error} retry={() => void products.refetch()} /> : products.isPending ? <Loading what="products" /> : rows.length === 0 ? <Empty title="No product was looked at in these days.">Pick a longer range.</Empty> : <AttentionChart rows={rows} name={name} />}
        </Card>
        <Card className="wide" title={`Where customers stood${floor.data ? ` · ${Math.round(floor.data.seconds / 60).toLocaleString('en')} min of standing time` : ''}`}>
          {floor.isError ? <ErrorBox error={floor.error} retry={() => void floor.refetch()} /> : floor.data && catalog.data ? <FloorHeatmap data={floor.data} catalog={catalog.data} /> : <Loading what="the floor heatmap" />}
        </Card>
      </div>
      <h3>Per product</h3>
      {products.isPending ? <Loading what="products" /> : rows.length === 0 ? <Empty title="No product figures for these days.">They appear as soon as customers look at products.</Empty> : <ProductTable rows={rows} name={name} />}
    </section>
  );
}
