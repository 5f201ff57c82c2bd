// Notes on a customer or a lead: who may read and change them, and the changes, each in one transaction.
import { TRPCError } from '@trpc/server';
import type { Note, NoteCreate, NoteListInput, NoteUpdate } from '../contracts/followups';
import type { DB } from '../db/connection';
import { deleteNote, getNote, insertNote, listNotes, updateNoteBody } from '../db/notes';
import type { StaffUser } from '../db/staff';
import { leadScope, loadCustomer, loadLead } from './access';
import type { CrmDeps } from './actors';

/** Checks the caller may see the note's customer or lead (NOT_FOUND / FORBIDDEN otherwise). */
function checkSubject(db: DB, staff: StaffUser, s: { customerId?: number | null | undefined; leadId?: number | null | undefined }): void {
  if (s.leadId) loadLead(db, staff, s.leadId);
  else if (s.customerId) loadCustomer(db, s.customerId);
}

/** The note, if the caller wrote it or is an admin (NOT_FOUND / FORBIDDEN otherwise). */
function ownNote(db: DB, staff: StaffUser, id: number): Note {
  const note = getNote(db, id);
  if (!note) throw new TRPCError({ code: 'NOT_FOUND', message: `No note ${id}` });
  checkSubject(db, staff, note);
  if (note.authorId !== staff.id && staff.role !== 'admin') {
    throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${note.authorName}, who wrote note ${id}, or an admin can change it` });
  }
  return note;
}

/** Notes newest first: a lead's, or a customer's with those on the customer's leads `staff` may see. */
export function noteList(db: DB, input: NoteListInput, staff: StaffUser): Note[] {
  checkSubject(db, staff, input);
  return listNotes(db, input, leadScope(staff));
}

/** A note by `staff` on a customer or a lead they may see. */
export function addNote(deps: Pick<CrmDeps, 'db' | 'now'>, input: NoteCreate, staff: StaffUser): Note {
  const { db } = deps;
  return db.transaction(() => {
    checkSubject(db, staff, input);
    const id = insertNote(db, { customerId: input.customerId ?? null, leadId: input.leadId ?? null, authorId: staff.id, body: input.body, now: deps.now() });
    return getNote(db, id)!;
  })();
}

/** Rewrites a note's text: its author or an admin. */
export function editNote(deps: Pick<CrmDeps, 'db' | 'now'>, input: NoteUpdate, staff: StaffUser): Note {
  const { db } = deps;
  return db.transaction(() => {
    ownNote(db, staff, input.id);
    updateNoteBody(db, input.id, input.body, deps.now());
    return getNote(db, input.id)!;
  })();
}

/** Deletes a note: its author or an admin. */
export function removeNote(db: DB, id: number, staff: StaffUser): { ok: true } {
  db.transaction(() => {
    ownNote(db, staff, id);
    deleteNote(db, id);
  })();
  return { ok: true };
}
