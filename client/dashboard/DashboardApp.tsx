// The staff app: the login form until someone is logged in, then the dashboard shell.
import { useQuery } from '@tanstack/react-query';
import { LoginForm } from './LoginForm';
import { MeContext } from './me';
import { Shell } from './Shell';
import { isUnauthorized, trpc } from './trpc';
import { ErrorBox, Loading } from './ui/States';

export function DashboardApp() {
  const me = useQuery(trpc.staff.me.queryOptions(undefined, { staleTime: 60_000 }));
  if (me.isPending) return <Loading what="the dashboard" />;
  if (me.isError) {
    if (isUnauthorized(me.error)) return <LoginForm />;
    return <ErrorBox error={me.error} retry={() => void me.refetch()} />;
  }
  return (
    <MeContext.Provider value={me.data}>
      <Shell />
    </MeContext.Provider>
  );
}
