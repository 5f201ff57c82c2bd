// Admin: staff accounts; create one, change a role, disable or enable, set a new password.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { staffRoles } from '../../../server/contracts/admin';
import type { CsvColumn } from '../csv';
import { formatDateTime } from '../format';
import { useMe } from '../me';
import { queryClient, trpc } from '../trpc';
import { Dialog } from '../ui/Dialog';
import { ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { ErrorBox, InlineError, Loading } from '../ui/States';
import { PasswordDialog } from './PasswordDialog';
import { UserForm } from './UserForm';

type User = { id: number; email: string; name: string; role: (typeof staffRoles)[number]; disabled: boolean; createdAt: number };

const userColumns: CsvColumn<User>[] = [
  { header: 'Id', value: (u) => u.id },
  { header: 'Email', value: (u) => u.email },
  { header: 'Name', value: (u) => u.name },
  { header: 'Role', value: (u) => u.role },
  { header: 'Disabled', value: (u) => u.disabled },
  { header: 'Created', value: (u) => formatDateTime(u.createdAt) },
];

export function UsersPage() {
  const me = useMe();
  const q = useQuery(trpc.users.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);
  const update = useMutation(trpc.users.update.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() }) }));
  return (
    <section>
      <PageHeader
        title="Users"
        intro="Staff accounts and their roles. Disabling an account ends its logins at once."
        actions={
          <>
            <ExportButton list="users" columns={userColumns} rows={async () => ({ rows: q.data ?? [], truncated: false })} />
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New user
            </button>
          </>
        }
      />
      <InlineError error={update.error} />
      {q.isPending ? (
        <Loading what="users" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : (
        <table className="list users">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Created</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {q.data.map((u) => {
              const self = u.id === me.id;
              return (
                <tr key={u.id} className={u.disabled ? 'disabled' : ''}>
                  <td>
                    {u.name}
                    {self ? <span className="muted"> (you)</span> : null}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <select aria-label={`Role of ${u.email}`} value={u.role} disabled={self || update.isPending} title={self ? 'Ask another admin to change your role' : undefined} onChange={(e) => update.mutate({ id: u.id, role: e.target.value as User['role'] })}>
                      {staffRoles.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{u.disabled ? <span className="tag account-disabled">disabled</span> : <span className="tag account-active">active</span>}</td>
                  <td>{formatDateTime(u.createdAt)}</td>
                  <td className="row-actions">
                    {self ? null : (
                      <button type="button" disabled={update.isPending} onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                    <button type="button" onClick={() => setPasswordFor(u)}>
                      New password
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Dialog open={creating} title="New staff account" onClose={() => setCreating(false)}>
        <UserForm onDone={() => setCreating(false)} />
      </Dialog>
      <PasswordDialog user={passwordFor} onClose={() => setPasswordFor(null)} />
    </section>
  );
}
