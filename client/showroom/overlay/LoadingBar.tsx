// Shows how many product models have streamed in, until all have.
import { useShowroom } from '../store';

export function LoadingBar() {
  const { loaded, total } = useShowroom((s) => s.loading);
  if (total === 0 || loaded >= total) return null;
  return (
    <div className="loading-bar" role="progressbar" aria-label="Loading products" aria-valuemin={0} aria-valuemax={total} aria-valuenow={loaded}>
      <span>Loading products {loaded} of {total}</span>
      <div className="loading-track">
        <div className="loading-fill" style={{ width: `${(100 * loaded) / total}%` }} />
      </div>
    </div>
  );
}
