// Follow-up tasks: overdue, due today, upcoming and undated, for me or the team; tick them off, add new ones.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CsvColumn } from '../csv';
import { TaskForm } from '../followups/TaskForm';
import { TaskList, type TaskRow } from '../followups/TaskList';
import { formatDateTime, localDay } from '../format';
import { parseAssignee } from '../leads/AssigneeFilter';
import { canWrite, useMe } from '../me';
import { api, trpc } from '../trpc';
import { Card } from '../ui/Card';
import { ExportButton } from '../ui/ExportButton';
import { PageHeader } from '../ui/PageHeader';
import { Empty, ErrorBox, Loading } from '../ui/States';
import { useFilters } from '../ui/useFilters';
import { CustomerPicker, type Picked } from './CustomerPicker';
import { TaskAssigneeFilter } from './TaskAssigneeFilter';

const groups = [
  ['overdue', 'Overdue', 'Past their day and not done.'],
  ['today', 'Due today', ''],
  ['upcoming', 'Upcoming', ''],
  ['none', 'No due date', ''],
] as const;

const taskColumns: CsvColumn<TaskRow>[] = [
  { header: 'Id', value: (t) => t.id },
  { header: 'Task', value: (t) => t.title },
  { header: 'Due', value: (t) => t.dueDate },
  { header: 'Done', value: (t) => t.done },
  { header: 'Assignee', value: (t) => t.assigneeName },
  { header: 'Customer', value: (t) => t.customerName },
  { header: 'Customer id', value: (t) => t.customerId },
  { header: 'Lead id', value: (t) => t.leadId },
  { header: 'Created', value: (t) => formatDateTime(t.createdAt) },
];

function TaskGroup({ due, title, hint, assignee, showDone }: { due: (typeof groups)[number][0]; title: string; hint: string; assignee: ReturnType<typeof parseAssignee>; showDone: boolean }) {
  const q = useQuery(trpc.tasks.list.queryOptions({ due, assignee, done: showDone ? undefined : false, today: localDay(), limit: 200 }, { refetchInterval: 30_000 }));
  return (
    <Card title={`${title}${q.data ? ` (${q.data.length})` : ''}`} className={`task-group due-${due}`}>
      {hint ? <p className="hint">{hint}</p> : null}
      {q.isPending ? <Loading what="tasks" /> : q.isError ? <ErrorBox error={q.error} retry={() => void q.refetch()} /> : q.data.length === 0 ? <p className="muted">Nothing here.</p> : <TaskList tasks={q.data} />}
    </Card>
  );
}

export function TasksPage() {
  const me = useMe();
  const [filters, setFilters] = useFilters(['assignee', 'done'] as const);
  const assigneeValue = filters.assignee || (me.role === 'viewer' ? 'all' : 'me');
  const assignee = assigneeValue === 'all' ? undefined : parseAssignee(assigneeValue);
  const showDone = filters.done === 'yes';
  const [customer, setCustomer] = useState<Picked | null>(null);
  const allRows = async () => {
    const rows = await api.tasks.list.query({ assignee, done: showDone ? undefined : false, today: localDay(), limit: 500 });
    return { rows, truncated: rows.length === 500 };
  };
  return (
    <section>
      <PageHeader
        title="Tasks"
        intro="Follow-ups on customers and leads. Tick a task when it is done."
        actions={<ExportButton list="tasks" columns={taskColumns} rows={allRows} />}
      />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <TaskAssigneeFilter value={assigneeValue} onChange={(v) => setFilters({ assignee: v === (me.role === 'viewer' ? 'all' : 'me') ? '' : v })} />
        <label className="check">
          <input type="checkbox" checked={showDone} onChange={(e) => setFilters({ done: e.target.checked ? 'yes' : '' })} /> Show done tasks
        </label>
      </form>
      <div className="task-groups">
        {groups.map(([due, title, hint]) => (
          <TaskGroup key={due} due={due} title={title} hint={hint} assignee={assignee} showDone={showDone} />
        ))}
      </div>
      {canWrite(me) ? (
        <Card title="New task for a customer">
          <CustomerPicker value={customer} onChange={setCustomer} />
          {customer ? <TaskForm subject={{ customerId: customer.id }} /> : <Empty title="Pick a customer first.">Tasks on a lead are added on the lead’s page.</Empty>}
        </Card>
      ) : null}
    </section>
  );
}
