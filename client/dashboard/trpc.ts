// React Query bindings for the staff dashboard, over the shared tRPC client.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { api, type AppRouter } from '../api';

/**
 * A login that ran out (or was ended elsewhere) sends the user back to the login form: while the
 * dashboard shows someone as logged in, any 401 makes it ask the server again who is logged in.
 */
function onError(err: unknown): void {
  const meKey = trpc.staff.me.queryKey();
  if (isUnauthorized(err) && queryClient.getQueryState(meKey)?.status === 'success') void queryClient.invalidateQueries({ queryKey: meKey });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      retry: (count, err) => !isUnauthorized(err) && !isClientError(err) && count < 2,
    },
  },
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: api, queryClient });
export { api };

const codeOf = (err: unknown) => (err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined);

/** True for the error a staff procedure gives a caller who is not logged in. */
export function isUnauthorized(err: unknown): boolean {
  return codeOf(err) === 'UNAUTHORIZED';
}

/** A refusal or bad input (4xx): retrying will not help. */
export function isClientError(err: unknown): boolean {
  const status = err instanceof TRPCClientError ? (err.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
  return status !== undefined && status >= 400 && status < 500;
}

/** The message to show a person for a failed call. */
export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError || err instanceof Error) return err.message;
  return String(err);
}
