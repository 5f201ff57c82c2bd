// Notes on a customer or a lead, newest first: write one, edit or delete your own (admins any).
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatMinute } from '../format';
import { canWrite, isAdmin, useMe } from '../me';
import { trpc } from '../trpc';
import { Card } from '../ui/Card';
import { Empty, ErrorBox, InlineError, Loading } from '../ui/States';
import { invalidateCrm } from './invalidate';
import type { Subject } from './TaskForm';

export function NotesCard({ subject }: { subject: Subject }) {
  const me = useMe();
  const q = useQuery(trpc.notes.list.queryOptions(subject));
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<{ id: number; body: string } | null>(null);
  const create = useMutation(trpc.notes.create.mutationOptions({ onSuccess: () => (setBody(''), invalidateCrm()) }));
  const update = useMutation(trpc.notes.update.mutationOptions({ onSuccess: () => (setEditing(null), invalidateCrm()) }));
  const remove = useMutation(trpc.notes.delete.mutationOptions({ onSuccess: invalidateCrm }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...subject, body });
  };
  return (
    <Card title={`Notes${q.data ? ` (${q.data.length})` : ''}`}>
      {canWrite(me) ? (
        <form className="form note-form" onSubmit={submit} aria-label="New note">
          <label>
            New note
            <textarea rows={2} maxLength={10_000} placeholder="What was said, what they want, what comes next" value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={create.isPending || !body.trim()}>
            Add note
          </button>
          <InlineError error={create.error} />
        </form>
      ) : null}
      {q.isPending ? (
        <Loading what="notes" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <Empty title="No notes yet." />
      ) : (
        <ul className="notes">
          {q.data.map((n) => (
            <li key={n.id}>
              <div className="note-meta">
                <strong>{n.authorName}</strong> · {formatMinute(n.createdAt)}
                {n.updatedAt !== n.createdAt ? ' (edited)' : ''}
                {'customerId' in subject && n.leadId ? <span className="tag">on a lead</span> : null}
                {canWrite(me) && (n.authorId === me.id || isAdmin(me)) && editing?.id !== n.id ? (
                  <span className="note-actions">
                    <button type="button" className="link" onClick={() => setEditing({ id: n.id, body: n.body })}>
                      Edit
                    </button>
                    <button type="button" className="link danger" onClick={() => remove.mutate({ id: n.id })}>
                      Delete
                    </button>
                  </span>
                ) : null}
              </div>
              {editing?.id === n.id ? (
                <form className="form note-form" onSubmit={(e) => (e.preventDefault(), update.mutate(editing))} aria-label="Edit note">
                  <textarea rows={3} value={editing.body} onChange={(e) => setEditing({ ...editing, body: e.target.value })} />
                  <div className="buttons">
                    <button type="button" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                    <button type="submit" className="primary" disabled={update.isPending || !editing.body.trim()}>
                      Save
                    </button>
                  </div>
                  <InlineError error={update.error} />
                </form>
              ) : (
                <p className="note-body">{n.body}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <InlineError error={remove.error} />
    </Card>
  );
}
