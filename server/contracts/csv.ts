// The one CSV writer, for the dashboard's downloads and `showroom export`: RFC 4180 fields, formula text made inert.

/** A value a CSV field is written from. null and undefined are an empty field. */
export type CsvCell = string | number | bigint | boolean | null | undefined;

/**
 * A text cell starting with = + - @ or a tab/return is a formula to Excel and LibreOffice; a
 * customer's name from the showroom form must never run as one. Such text gets a leading
 * apostrophe (OWASP's advice); numbers are left as they are.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One field: text made inert and quoted when it holds a comma, quote or line break; true/false as 1/0. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value !== 'string') return String(value);
  const text = inertText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record: the fields joined by commas, ending with `eol` (CRLF as RFC 4180 says, or LF for data tools). */
export function csvRecord(cells: readonly CsvCell[], eol: '\r\n' | '\n'): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvField(cells[i]);
  return line + eol;
}
