/**
 * A cell a spreadsheet may run as a formula (OWASP "CSV Injection",
 * https://owasp.org/www-community/attacks/CSV_Injection; ASVS 5.0 V1.2.10): tab, carriage return, line
 * feed or NUL first; or `=`, `+`, `-`, `@` (and their full-width forms ＝ ＋ － ＠, which East Asian IMEs
 * type) first or after only white space and invisible format characters (`" =1+1"`, `"\u200B=1+1"`),
 * because some importers trim those before they evaluate.
 */
const FORMULA_START = /^(?:[\t\r\n\0]|[\s\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;
/** A plain decimal number (`-5`, `+3.25`, `1e-3`): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The cell types {@link csvCell} writes. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV cell. A plain number — a finite `number`, or a string that is exactly a decimal number such as
 * `'-2'` — is written bare, so `-5` and `'-5'` export alike (a number cannot run). Every other value is
 * text: a leading `'` is added when it could start a formula (see `FORMULA_START`: `=`, `+`, `-`, `@`
 * and full-width forms, also after leading spaces or invisible characters; tab, CR, LF, NUL), and the
 * cell is always quoted with quotes doubled (RFC 4180 §2.6–2.7), so a `,`, `;` or tab inside can never
 * start a new cell in any locale's separator (OWASP: separators let a formula begin mid-text).
 * `null` and `undefined` are empty cells.
 *
 * @example
 * csvCell('x;=1+1'); // '"x;=1+1"'
 * csvCell(' =1+1'); // `"' =1+1"`
 * csvCell('-2'); // '-2'
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const raw = String(value);
  if (PLAIN_NUMBER.test(raw)) return raw;
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * CSV text from a header and rows, lines ended with CRLF (RFC 4180), every text cell quoted and
 * formula-like cells neutralised (see {@link csvCell}). No byte-order mark: add `CSV_BOM` when the text
 * becomes a file (Excel reads a CSV without one in the legacy code page).
 *
 * @example
 * toCsv(['a', 'b'], [['=1+1', 3]]); // '"a","b"\r\n"\'=1+1",3\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** The UTF-8 byte-order mark: Excel on Windows reads a CSV as UTF-8 only when the file starts with it. */
export const CSV_BOM = '\uFEFF';
