// Refreshes every list a CRM change can show up in (cheap: only queries on screen refetch).
import { queryClient, trpc } from '../trpc';

/** Resolves once the lists on screen have their new data (a mutation returning it stays pending until then). */
export function invalidateCrm(): Promise<unknown> {
  const keys = [trpc.leads.pathKey(), trpc.tasks.pathKey(), trpc.notes.pathKey(), trpc.customers.pathKey(), trpc.serviceRequests.pathKey(), trpc.orders.pathKey(), trpc.audit.pathKey()];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
