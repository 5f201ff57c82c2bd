// Picks who works on a lead or task: admins may pick any admin or salesperson, a salesperson only themselves.
import { useQuery } from '@tanstack/react-query';
import { isAdmin, useMe } from '../me';
import { trpc } from '../trpc';

/** `value` is a staff id or null (nobody). */
export function AssigneeSelect({ value, onChange, label = 'Assignee', disabled }: { value: number | null; onChange: (id: number | null) => void; label?: string; disabled?: boolean }) {
  const me = useMe();
  const dir = useQuery(trpc.users.directory.queryOptions(undefined, { staleTime: 60_000 }));
  const people = (dir.data ?? []).filter((u) => u.role !== 'viewer' && (isAdmin(me) || u.id === me.id || u.id === value));
  if (!people.some((u) => u.id === me.id) && me.role !== 'viewer') people.unshift({ id: me.id, name: me.name, role: me.role });
  return (
    <label>
      {label}
      <select value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
        <option value="">nobody</option>
        {people.map((u) => (
          <option key={u.id} value={u.id} disabled={!isAdmin(me) && u.id !== me.id}>
            {u.id === me.id ? `${u.name} (me)` : u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
