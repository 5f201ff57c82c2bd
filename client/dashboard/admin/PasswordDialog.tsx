// Admin: sets a new password for a staff account (its current logins end).
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { trpc } from '../trpc';
import { Dialog } from '../ui/Dialog';
import { InlineError } from '../ui/States';

export function PasswordDialog({ user, onClose }: { user: { id: number; email: string } | null; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const set = useMutation(trpc.users.update.mutationOptions({ onSuccess: () => (setPassword(''), onClose()) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (user) set.mutate({ id: user.id, password });
  };
  return (
    <Dialog open={user !== null} title={`New password for ${user?.email ?? ''}`} onClose={() => (setPassword(''), set.reset(), onClose())}>
      <form className="form" onSubmit={submit}>
        <label>
          Password (10+ characters; their open logins end)
          <input type="password" required minLength={10} autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <InlineError error={set.error} />
        <div className="buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={set.isPending}>
            Set password
          </button>
        </div>
      </form>
    </Dialog>
  );
}
