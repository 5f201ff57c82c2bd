// Staff procedures for quotes and orders made from a customer's cart, and their status.
import { idSchema } from '../contracts/customers';
import { orderFromCartSchema, orderListSchema, orderStatusSchema } from '../contracts/orders';
import { changeOrderStatus, loadOrder, orderFromCart } from '../crm/orders';
import { listOrders } from '../db/orders';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

export const ordersRouter = router({
  list: staffProcedure.input(orderListSchema).query(({ ctx, input }) => listOrders(ctx.db, input)),

  get: staffProcedure.input(idSchema).query(({ ctx, input }) => loadOrder(ctx.db, input.id)),

  /**
   * Copies the customer's current cart (all their browsers) into a quote or an order, with each
   * line's product, variant and price at this moment.
   */
  createFromCart: writer.input(orderFromCartSchema).mutation(({ ctx, input }) => orderFromCart(ctx, input, ctx)),

  setStatus: writer.input(orderStatusSchema).mutation(({ ctx, input }) => changeOrderStatus(ctx, input, ctx)),
});
