// Tasks with a done box each, the customer or lead they are about, due day and assignee.
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api';
import { localDay } from '../format';
import { canWrite, isAdmin, useMe } from '../me';
import { trpc } from '../trpc';
import { AppLink } from '../ui/AppLink';
import { InlineError } from '../ui/States';
import { DoneBox } from './DoneBox';
import { invalidateCrm } from './invalidate';

export type TaskRow = inferRouterOutputs<AppRouter>['tasks']['list'][number];

function dueLabel(t: TaskRow, today: string) {
  if (!t.dueDate) return <span className="muted">no date</span>;
  if (t.done) return <span>{t.dueDate}</span>;
  if (t.dueDate < today) return <span className="tag overdue">overdue · {t.dueDate}</span>;
  if (t.dueDate === today) return <span className="tag today">today</span>;
  return <span>{t.dueDate}</span>;
}

export function TaskList({ tasks, showSubject = true }: { tasks: readonly TaskRow[]; showSubject?: boolean }) {
  const me = useMe();
  const today = localDay();
  const update = useMutation(trpc.tasks.update.mutationOptions({ onSuccess: invalidateCrm }));
  const remove = useMutation(trpc.tasks.delete.mutationOptions({ onSuccess: invalidateCrm }));
  return (
    <>
      <ul className="tasks">
        {tasks.map((t) => (
          <li key={t.id} className={t.done ? 'done' : ''}>
            <label className="check">
              <DoneBox done={t.done} label={`${t.title}: done`} disabled={!canWrite(me)} save={(done, revert) => update.mutate({ id: t.id, done }, { onError: revert })} />
              <span className="task-title">{t.title}</span>
            </label>
            <span className="task-meta">
              {showSubject ? (
                t.leadId ? (
                  <AppLink to={`/leads/${t.leadId}`}>lead{t.customerName ? ` · ${t.customerName}` : ''}</AppLink>
                ) : t.customerId ? (
                  <AppLink to={`/customers/${t.customerId}`}>{t.customerName || 'customer'}</AppLink>
                ) : null
              ) : null}
              {dueLabel(t, today)}
              <span>{t.assigneeName ?? <span className="muted">nobody</span>}</span>
              {canWrite(me) && (isAdmin(me) || t.createdBy === me.id || t.assigneeId === me.id) ? (
                <button type="button" className="link danger" onClick={() => remove.mutate({ id: t.id })} aria-label={`Delete task ${t.title}`}>
                  Delete
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <InlineError error={update.error ?? remove.error} />
    </>
  );
}
