// Whose tasks the task list shows: mine, everyone's, unassigned, or one colleague's.
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../me';
import { trpc } from '../trpc';

export function TaskAssigneeFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const me = useMe();
  const dir = useQuery(trpc.users.directory.queryOptions(undefined, { staleTime: 60_000 }));
  return (
    <label>
      Whose
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {me.role !== 'viewer' ? <option value="me">mine</option> : null}
        <option value="all">everyone’s</option>
        <option value="unassigned">unassigned</option>
        {(dir.data ?? [])
          .filter((u) => u.role !== 'viewer' && u.id !== me.id)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </label>
  );
}
