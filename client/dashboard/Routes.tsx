// Which page each /staff path shows; admin pages are not routed for other roles.
import { Route, Switch } from 'wouter';
import { AuditPage } from './admin/AuditPage';
import { AnalyticsPage } from './analytics/AnalyticsPage';
import { UsersPage } from './admin/UsersPage';
import { WebhooksPage } from './admin/WebhooksPage';
import { CustomerPage } from './customers/CustomerPage';
import { CustomersPage } from './customers/CustomersPage';
import { LeadPage } from './leads/LeadPage';
import { LeadsBoard } from './leads/LeadsBoard';
import { LivePage } from './live/LivePage';
import { isAdmin, useMe } from './me';
import { RequestsPage } from './requests/RequestsPage';
import { SessionPage } from './sessions/SessionPage';
import { SessionsPage } from './sessions/SessionsPage';
import { TasksPage } from './tasks/TasksPage';
import { Empty } from './ui/States';

export function Routes() {
  const me = useMe();
  return (
    <Switch>
      <Route path="/">
        <SessionsPage />
      </Route>
      <Route path="/sessions">
        <SessionsPage />
      </Route>
      <Route path="/sessions/:id">{(p) => <SessionPage id={p.id} />}</Route>
      <Route path="/live">
        <LivePage />
      </Route>
      <Route path="/customers">
        <CustomersPage />
      </Route>
      <Route path="/customers/:id">{(p) => <CustomerPage id={Number(p.id)} />}</Route>
      <Route path="/leads">
        <LeadsBoard />
      </Route>
      <Route path="/leads/:id">{(p) => <LeadPage id={Number(p.id)} />}</Route>
      <Route path="/tasks">
        <TasksPage />
      </Route>
      <Route path="/analytics">
        <AnalyticsPage />
      </Route>
      <Route path="/requests">
        <RequestsPage />
      </Route>
      {isAdmin(me) ? (
        <Route path="/users">
          <UsersPage />
        </Route>
      ) : null}
      {isAdmin(me) ? (
        <Route path="/webhooks">
          <WebhooksPage />
        </Route>
      ) : null}
      {isAdmin(me) ? (
        <Route path="/audit">
          <AuditPage />
        </Route>
      ) : null}
      <Route>
        <Empty title="There is no such page here.">Pick a section on the left.</Empty>
      </Route>
    </Switch>
  );
}
