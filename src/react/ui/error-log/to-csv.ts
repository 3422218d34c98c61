/** A cell a spreadsheet would run as a formula: `=`, `+`, `-`, `@`, tab or carriage return first (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell that must be quoted (RFC 4180): a comma, a quote or a line break inside. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell: text that starts like a formula gets a leading `'` so a spreadsheet shows it instead of
 * running it (OWASP "CSV Injection"), then it is quoted when it holds a comma, quote or line break,
 * with quotes doubled (RFC 4180). Finite numbers are written as they are.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const raw = String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) || text !== raw ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text from a header and rows, lines ended with CRLF (RFC 4180).
 *
 * @example
 * toCsv(['a', 'b'], [['=1+1', 'x,y']]); // 'a,b\r\n"\'=1+1","x,y"\r\n'
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
