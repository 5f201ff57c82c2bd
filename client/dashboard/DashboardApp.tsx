// The staff app: login, then sessions and their events.
import { useMutation, useQuery } from '@tanstack/react-query';
import { LoginForm } from './LoginForm';
import { usePath } from './router';
import { SessionPage } from './SessionPage';
import { SessionsPage } from './SessionsPage';
import { isUnauthorized, queryClient, trpc } from './trpc';

export function DashboardApp() {
  const me = useQuery(trpc.staff.me.queryOptions());
  const logout = useMutation(trpc.staff.logout.mutationOptions({ onSettled: () => queryClient.resetQueries() }));
  const path = usePath();
  if (me.isPending) return <p className="page">Loading…</p>;
  if (me.isError) {
    if (isUnauthorized(me.error)) return <LoginForm />;
    return <p role="alert" className="page error">{me.error.message}</p>;
  }
  const sessionMatch = /^\/staff\/sessions\/([0-9a-f-]{36})$/.exec(path);
  return (
    <div className="page">
      <header>
        <strong>Showroom staff</strong>
        <span>
          {me.data.name} ({me.data.role}) <button onClick={() => logout.mutate()}>Log out</button>
        </span>
      </header>
      <main>{sessionMatch ? <SessionPage id={sessionMatch[1]!} /> : <SessionsPage />}</main>
    </div>
  );
}
