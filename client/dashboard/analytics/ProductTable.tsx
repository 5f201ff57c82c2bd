// Per-product figures over the range: views, selects, dwell statistics, cart adds, conversion, and what else those customers looked at.
import { AlsoLooked } from './AlsoLooked';
import { percent, seconds, type ProductRow } from './types';

export function ProductTable({ rows, name }: { rows: ProductRow[]; name: (id: string) => string }) {
  return (
    <table className="list analytics-products">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Product</th>
          <th className="num" title="Sessions that looked at it (a dwell or a select)">Sessions</th>
          <th className="num">Selects</th>
          <th className="num">Dwells</th>
          <th className="num">Dwell mean</th>
          <th className="num">Median</th>
          <th className="num" title="Standard deviation (the variance is its square, in the CSV)">SD</th>
          <th className="num">Cart adds</th>
          <th className="num" title="Share of the sessions that looked at it which asked for a salesperson">Conversion</th>
          <th>Customers who looked at this also looked at</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.productId} data-product={r.productId}>
            <td className="num">{r.rank}</td>
            <td>{name(r.productId)}</td>
            <td className="num">{r.views}</td>
            <td className="num">{r.selects}</td>
            <td className="num">{r.dwells}</td>
            <td className="num">{seconds(r.dwellMean)}</td>
            <td className="num">{seconds(r.dwellMedian)}</td>
            <td className="num">{seconds(r.dwellSd)}</td>
            <td className="num">{r.cartAdds}</td>
            <td className="num">{percent(r.conversion)}</td>
            <td className="small">
              <AlsoLooked productId={r.productId} name={name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
