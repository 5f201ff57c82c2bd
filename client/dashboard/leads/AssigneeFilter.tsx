// The "whose leads" filter: everyone's (that the role sees), mine, unassigned, or (admins and viewers) one person's.
import { useQuery } from '@tanstack/react-query';
import { useMe } from '../me';
import { trpc } from '../trpc';

/** The procedure's `assignee` from the URL value. */
export function parseAssignee(v: string): number | 'me' | 'unassigned' | undefined {
  if (v === 'me' || v === 'unassigned') return v;
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function AssigneeFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const me = useMe();
  const dir = useQuery(trpc.users.directory.queryOptions(undefined, { staleTime: 60_000, enabled: me.role !== 'sales' }));
  return (
    <label>
      Whose
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{me.role === 'sales' ? 'mine and unassigned' : 'everyone'}</option>
        {me.role !== 'viewer' ? <option value="me">mine</option> : null}
        <option value="unassigned">unassigned</option>
        {me.role !== 'sales'
          ? (dir.data ?? [])
              .filter((u) => u.role !== 'viewer' && u.id !== me.id)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))
          : null}
      </select>
    </label>
  );
}
