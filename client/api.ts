// The typed tRPC client both pages use to reach the server at /trpc: queries and mutations batched, subscriptions over SSE.
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import type { AppRouter } from '../server/routers/_app';

export const api = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      // EventSource on the same origin: the staff cookie goes along; reconnects resume after the last tracked id.
      true: httpSubscriptionLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', maxURLLength: 2000 }),
    }),
  ],
});
export type { AppRouter };
