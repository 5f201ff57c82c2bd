// Every stored event of a session in sequence order, as recorded (type, product, input, properties).
import type { TimelineEvent } from '../replay/timeline';
import { formatDateTime } from '../format';
import { useProductNames } from '../ui/useCatalog';

export function SessionEvents({ events }: { events: readonly (TimelineEvent & { id: string })[] }) {
  const productName = useProductNames();
  return (
    <table className="list events">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>Time</th>
          <th>Event</th>
          <th>Product</th>
          <th>Input</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td className="num">{e.seq}</td>
            <td>{formatDateTime(e.ts)}</td>
            <td>{e.type}</td>
            <td>
              {e.productId ? (
                <>
                  {productName(e.productId, e.variantId)} <span className="mono muted">{e.productId}{e.variantId ? ` (${e.variantId})` : ''}</span>
                </>
              ) : null}
            </td>
            <td>{e.input}</td>
            <td className="mono">{Object.keys(e.props).length ? JSON.stringify(e.props) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
