// The tasks on a customer or a lead, open ones first, with a form to add one.
import { useQuery } from '@tanstack/react-query';
import { canWrite, useMe } from '../me';
import { trpc } from '../trpc';
import { Card } from '../ui/Card';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { TaskForm, type Subject } from './TaskForm';
import { TaskList } from './TaskList';
import { localDay } from '../format';

export function TasksCard({ subject }: { subject: Subject }) {
  const me = useMe();
  const q = useQuery(trpc.tasks.list.queryOptions({ ...subject, today: localDay(), limit: 200 }));
  const tasks = q.data ? [...q.data.filter((t) => !t.done), ...q.data.filter((t) => t.done)] : [];
  return (
    <Card title={`Tasks${q.data ? ` (${q.data.filter((t) => !t.done).length} open)` : ''}`}>
      {q.isPending ? (
        <Loading what="tasks" />
      ) : q.isError ? (
        <ErrorBox error={q.error} retry={() => void q.refetch()} />
      ) : tasks.length === 0 ? (
        <Empty title="No tasks.">{canWrite(me) ? 'Add a follow-up below so it shows up on the day it is due.' : null}</Empty>
      ) : (
        <TaskList tasks={tasks} showSubject={'customerId' in subject} />
      )}
      {canWrite(me) ? <TaskForm subject={subject} /> : null}
    </Card>
  );
}
