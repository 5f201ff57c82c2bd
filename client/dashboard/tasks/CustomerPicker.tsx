// Finds a customer by name, email, phone or company and picks one (for a task made from the task list).
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { trpc } from '../trpc';

export interface Picked {
  id: number;
  name: string;
}

export function CustomerPicker({ value, onChange }: { value: Picked | null; onChange: (c: Picked | null) => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const q = useQuery(trpc.customers.list.queryOptions({ search, limit: 6 }, { enabled: search.length >= 2 && !value }));
  if (value) {
    return (
      <div className="picked">
        <span>
          Customer: <strong>{value.name}</strong>
        </span>
        <button type="button" className="link" onClick={() => (onChange(null), setText(''))}>
          change
        </button>
      </div>
    );
  }
  return (
    <div className="picker">
      <label>
        Customer
        <input type="search" placeholder="Type 2+ letters of a name or email" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {q.data ? (
        q.data.items.length ? (
          <ul className="picker-results" aria-label="Matching customers">
            {q.data.items.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => onChange({ id: c.id, name: c.name || c.email || `customer ${c.id}` })}>
                  {c.name || <em>no name</em>} <span className="muted">{c.email ?? c.phone}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">No customer matches “{search}”.</p>
        )
      ) : null}
    </div>
  );
}
