// React Query bindings for the staff dashboard, over the shared tRPC client.
import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { api, type AppRouter } from '../api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      retry: (count, err) => !isUnauthorized(err) && count < 2,
    },
  },
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: api, queryClient });

/** True for the error a staff procedure gives a caller who is not logged in. */
export function isUnauthorized(err: unknown): boolean {
  return err instanceof TRPCClientError && (err.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}
