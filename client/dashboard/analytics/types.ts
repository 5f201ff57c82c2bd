// Output types of the analytics procedures, as the dashboard receives them.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/routers/_app';

type Out = inferRouterOutputs<AppRouter>['analytics'];
export type ProductRow = Out['products']['items'][number];
export type FunnelData = Out['funnel'];
export type FloorData = Out['floor'];

/** "12.3 s" from ms, or "–". */
export const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
/** "45%" from a share 0..1, or "–". */
export const percent = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`);
