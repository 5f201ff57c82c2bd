// Staff procedures for notes on a customer or a lead: list, write, edit and delete (authors and admins).
import { TRPCError } from '@trpc/server';
import { idSchema } from '../contracts/customers';
import { noteCreateSchema, noteListSchema, noteUpdateSchema } from '../contracts/followups';
import { leadScope, loadCustomer, loadLead } from '../crm/access';
import type { DB } from '../db/connection';
import { deleteNote, getNote, insertNote, listNotes, updateNoteBody } from '../db/notes';
import type { StaffUser } from '../db/staff';
import { roleProcedure, router, staffProcedure } from '../trpc';

const writer = roleProcedure('admin', 'sales');

/** Checks the caller may see the note's customer or lead (NOT_FOUND / FORBIDDEN otherwise). */
function checkSubject(db: DB, staff: StaffUser, s: { customerId?: number | null | undefined; leadId?: number | null | undefined }): void {
  if (s.leadId) loadLead(db, staff, s.leadId);
  else if (s.customerId) loadCustomer(db, s.customerId);
}

/** The note, if the caller wrote it or is an admin. */
function ownNote(db: DB, staff: StaffUser, id: number) {
  const note = getNote(db, id);
  if (!note) throw new TRPCError({ code: 'NOT_FOUND', message: `No note ${id}` });
  checkSubject(db, staff, note);
  if (note.authorId !== staff.id && staff.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${note.authorName}, who wrote note ${id}, or an admin can change it` });
  }
  return note;
}

export const notesRouter = router({
  /** Notes newest first: a lead's, or a customer's with those on the customer's leads the caller may see. */
  list: staffProcedure.input(noteListSchema).query(({ ctx, input }) => {
    checkSubject(ctx.db, ctx.staff, input);
    return listNotes(ctx.db, input, leadScope(ctx.staff));
  }),

  create: writer.input(noteCreateSchema).mutation(({ ctx, input }) => {
    checkSubject(ctx.db, ctx.staff, input);
    const id = insertNote(ctx.db, { customerId: input.customerId ?? null, leadId: input.leadId ?? null, authorId: ctx.staff.id, body: input.body, now: ctx.now() });
    return getNote(ctx.db, id)!;
  }),

  update: writer.input(noteUpdateSchema).mutation(({ ctx, input }) => {
    ownNote(ctx.db, ctx.staff, input.id);
    updateNoteBody(ctx.db, input.id, input.body, ctx.now());
    return getNote(ctx.db, input.id)!;
  }),

  delete: writer.input(idSchema).mutation(({ ctx, input }) => {
    ownNote(ctx.db, ctx.staff, input.id);
    deleteNote(ctx.db, input.id);
    return { ok: true };
  }),
});
