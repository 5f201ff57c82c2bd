// Turns zod issues into short messages that name the offending field, e.g. "events[3].ts: ...".
import type { z } from 'zod';

/** Formats a zod issue path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** One line per issue (at most `max`), each prefixed with the field path. */
export function describeZodError(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - max;
  if (more > 0) lines.push(`...and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('; ');
}
