// Zod schemas and types of notes and follow-up tasks, each on exactly one customer or one lead.
import { z } from 'zod';
import { pageLimit } from './paging';

const id = z.number().int().positive();

/** Exactly one of customerId and leadId. */
const subject = <T extends z.ZodRawShape>(shape: T) =>
  z
    .object({ customerId: id.optional(), leadId: id.optional(), ...shape })
    .superRefine((value, ctx) => {
      const s = value as { customerId?: number; leadId?: number };
      if ((s.customerId === undefined) === (s.leadId === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['customerId'], message: 'give either a customerId or a leadId' });
      }
    });

/** A calendar day, YYYY-MM-DD. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-03-31')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

const body = z.string().trim().min(1, 'is empty').max(10_000, 'must be at most 10000 characters');
const title = z.string().trim().min(1, 'is needed').max(200, 'must be at most 200 characters');

export const noteListSchema = subject({});
export type NoteListInput = z.infer<typeof noteListSchema>;
export const noteCreateSchema = subject({ body });
export type NoteCreate = z.infer<typeof noteCreateSchema>;
export const noteUpdateSchema = z.object({ id, body });
export type NoteUpdate = z.infer<typeof noteUpdateSchema>;

export interface Note {
  id: number;
  customerId: number | null;
  leadId: number | null;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

export const taskCreateSchema = subject({ title, dueDate: dateSchema.nullish(), assigneeId: id.nullish() });
export type TaskCreate = z.infer<typeof taskCreateSchema>;
export const taskUpdateSchema = z.object({
  id,
  title: title.optional(),
  dueDate: dateSchema.nullable().optional(),
  assigneeId: id.nullable().optional(),
  done: z.boolean().optional(),
});
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const taskListSchema = z.object({
  customerId: id.optional(),
  leadId: id.optional(),
  /** A staff id, 'me', or 'unassigned'; left out, everyone's. */
  assignee: z.union([id, z.enum(['me', 'unassigned'])]).optional(),
  /** Relative to `today`: due that day, before it (and not done), after it, or without a date. */
  due: z.enum(['today', 'overdue', 'upcoming', 'none']).optional(),
  done: z.boolean().optional(),
  /** The caller's calendar day (the dashboard sends its local date); defaults to the server's UTC date. */
  today: dateSchema.optional(),
  limit: pageLimit(500, 100),
});
export type TaskListInput = z.infer<typeof taskListSchema>;

export interface Task {
  id: number;
  customerId: number | null;
  leadId: number | null;
  /** The name of the customer the task is about (directly or through the lead), if known. */
  customerName: string | null;
  title: string;
  dueDate: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  createdBy: number;
  done: boolean;
  doneAt: number | null;
  createdAt: number;
  updatedAt: number;
}
