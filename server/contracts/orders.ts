// Zod schemas and types of quotes and orders made from a cart, and of service requests ("Ask a salesperson").
import { z } from 'zod';
import type { ItemLine } from './shop';
import { idCursor, pageLimit } from './paging';

const id = z.number().int().positive();

export const orderKinds = ['quote', 'order'] as const;
export const orderStatuses = ['open', 'sent', 'accepted', 'declined', 'fulfilled', 'cancelled'] as const;
export type OrderKind = (typeof orderKinds)[number];
export type OrderStatus = (typeof orderStatuses)[number];

export const orderFromCartSchema = z.object({
  customerId: id,
  /** The lead the quote or order belongs to; must be the customer's. */
  leadId: id.optional(),
  kind: z.enum(orderKinds),
});
export type OrderFromCart = z.infer<typeof orderFromCartSchema>;
export const orderListSchema = z.object({
  customerId: id.optional(),
  leadId: id.optional(),
  kind: z.enum(orderKinds).optional(),
  status: z.enum(orderStatuses).optional(),
  limit: pageLimit(200, 50),
});
export type OrderListInput = z.infer<typeof orderListSchema>;
export const orderStatusSchema = z.object({ id, status: z.enum(orderStatuses) });
export type OrderStatusChange = z.infer<typeof orderStatusSchema>;

export interface OrderItem extends ItemLine {
  line: number;
  /** Major units, the price when the quote or order was made. */
  unitPrice: number;
}

export interface Order {
  id: number;
  customerId: number;
  customerName: string;
  leadId: number | null;
  kind: OrderKind;
  status: OrderStatus;
  currency: string;
  /** Major units. */
  total: number;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
  items: OrderItem[];
}

export const serviceRequestListSchema = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  customerId: id.optional(),
  leadId: id.optional(),
  limit: pageLimit(200, 50),
  /** The last id of the previous page (newest first). */
  cursor: idCursor,
});
export type ServiceRequestListInput = z.infer<typeof serviceRequestListSchema>;
export const serviceRequestStatusSchema = z.object({ id, status: z.enum(['open', 'closed']) });
export type ServiceRequestStatusChange = z.infer<typeof serviceRequestStatusSchema>;

export interface ServiceRequest {
  id: number;
  channel: 'form' | 'one-press';
  status: 'open' | 'closed';
  visitorId: string;
  sessionId: string;
  customerId: number | null;
  customerName: string | null;
  leadId: number | null;
  productId: string | null;
  variantId: string | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  message: string | null;
  createdAt: number;
  closedAt: number | null;
  closedBy: number | null;
}
