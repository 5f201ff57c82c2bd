// The typed tRPC client both pages use to reach the server at /trpc.
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../server/routers/_app';

export const api = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxURLLength: 2000 })],
});
export type { AppRouter };
