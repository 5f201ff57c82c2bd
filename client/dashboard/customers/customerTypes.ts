// Types of customer data as the dashboard receives them, and the CSV columns of the customer list.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../api';
import type { CsvColumn } from '../csv';
import { formatDateTime } from '../format';

type Out = inferRouterOutputs<AppRouter>;
export type CustomerRow = Out['customers']['list']['items'][number];
export type CustomerProfile = Out['customers']['get'];
export type Customer = CustomerProfile['customer'];

export const customerColumns: CsvColumn<CustomerRow>[] = [
  { header: 'Id', value: (c) => c.id },
  { header: 'Name', value: (c) => c.name },
  { header: 'Email', value: (c) => c.email },
  { header: 'Phone', value: (c) => c.phone },
  { header: 'Company', value: (c) => c.company },
  { header: 'Address', value: (c) => c.address },
  { header: 'Postal code', value: (c) => c.postalCode },
  { header: 'City', value: (c) => c.city },
  { header: 'Country', value: (c) => c.country },
  { header: 'Consent to contact', value: (c) => c.consentContact },
  { header: 'Consent to tracking', value: (c) => c.consentTracking },
  { header: 'Source', value: (c) => c.source },
  { header: 'Open leads', value: (c) => c.openLeads },
  { header: 'Last seen', value: (c) => (c.lastSeenAt ? formatDateTime(c.lastSeenAt) : null) },
  { header: 'Created', value: (c) => formatDateTime(c.createdAt) },
  { header: 'Updated', value: (c) => formatDateTime(c.updatedAt) },
];
