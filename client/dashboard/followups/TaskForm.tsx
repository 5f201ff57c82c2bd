// Adds a follow-up task to a customer or a lead: what, by when, who.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { localDay } from '../format';
import { useMe } from '../me';
import { trpc } from '../trpc';
import { InlineError } from '../ui/States';
import { AssigneeSelect } from './AssigneeSelect';
import { invalidateCrm } from './invalidate';

export type Subject = { customerId: number } | { leadId: number };

export function TaskForm({ subject, onDone }: { subject: Subject; onDone?: () => void }) {
  const me = useMe();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState(localDay());
  const [assigneeId, setAssigneeId] = useState<number | null>(me.id);
  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: () => {
        setTitle('');
        invalidateCrm();
        onDone?.();
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...subject, title, dueDate: dueDate || null, assigneeId });
  };
  return (
    <form className="form inline-form" onSubmit={submit} aria-label="New task">
      <label className="grow">
        Task
        <input required maxLength={200} placeholder="e.g. Call back about the sofa fabric" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Due
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      </label>
      <AssigneeSelect value={assigneeId} onChange={setAssigneeId} />
      <button type="submit" className="primary" disabled={create.isPending || !title.trim()}>
        Add task
      </button>
      <InlineError error={create.error} />
    </form>
  );
}
