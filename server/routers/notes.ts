// Staff procedures for notes on a customer or a lead: list, write, edit and delete (authors and admins).
import { idSchema } from '../contracts/customers';
import { noteCreateSchema, noteListSchema, noteUpdateSchema } from '../contracts/followups';
import { addNote, editNote, noteList, removeNote } from '../crm/notes';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

export const notesRouter = router({
  /** Notes newest first: a lead's, or a customer's with those on the customer's leads the caller may see. */
  list: staffProcedure.input(noteListSchema).query(({ ctx, input }) => noteList(ctx.db, input, ctx.staff)),

  create: writer.input(noteCreateSchema).mutation(({ ctx, input }) => addNote(ctx, input, ctx.staff)),

  update: writer.input(noteUpdateSchema).mutation(({ ctx, input }) => editNote(ctx, input, ctx.staff)),

  delete: writer.input(idSchema).mutation(({ ctx, input }) => removeNote(ctx.db, input.id, ctx.staff)),
});
