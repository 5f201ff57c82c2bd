// Creates a staff account: email, name, role and a first password (at least 10 characters).
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { staffRoles } from '../../../server/contracts/admin';
import { queryClient, trpc } from '../trpc';
import { InlineError } from '../ui/States';

export function UserForm({ onDone }: { onDone: () => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<(typeof staffRoles)[number]>('sales');
  const [password, setPassword] = useState('');
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
        onDone();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email, name, role, password });
  };
  return (
    <form className="form grid2" onSubmit={submit} aria-label="New staff account">
      <label>
        Email
        <input type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Name
        <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as typeof role)}>
          <option value="sales">sales: customers, own leads, notes, tasks</option>
          <option value="viewer">viewer: reads everything, changes nothing</option>
          <option value="admin">admin: everything, users and audit</option>
        </select>
      </label>
      <label>
        First password (10+ characters)
        <input type="password" required minLength={10} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="span2">
        <InlineError error={create.error} />
      </div>
      <div className="buttons span2">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          Create account
        </button>
      </div>
    </form>
  );
}
