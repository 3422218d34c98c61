import type { RedactionRule, RuleContext } from './types';

/**
 * Values of secret columns in an SQL INSERT (issue 9, N4 of findings-9c). In
 * `insert into users (email, password) values ('ada@example.com', 'Hunter2')` the column names and the
 * values are two parallel lists, so no `key=value` rule sees `password` next to its value: knex puts
 * every failing query with its bindings in `err.message` (`${sql} - ${message}`), SQLite quotes it in
 * brackets, Sequelize logs `… VALUES ($1,$2) … with bindings [..]`, TypeORM `-- PARAMETERS: [..]`.
 *
 * How: the first time the rule meets a text in a scan, every INSERT in it is parsed once (linear: each
 * statement is read once and the search resumes after it) into the places of the secret values — the
 * value at the position of a column whose name is a secret key, or, for a `$n` / `?` placeholder
 * there, the n-th item of a `bindings` / `parameters` list that follows. The pattern then finds each
 * list item's start, and `secretEnd` looks it up. A quoted value keeps its quotes; a value left open
 * (the text was cut inside it) is a secret to its end.
 */

/** A statement's head: `INSERT [OR REPLACE | IGNORE] INTO`. */
const INSERT_INTO = /\binsert\s+(?:or\s+\w+\s+|ignore\s+)?into\s+/gi;
/** The table name (quoted, bracketed, dotted) and the opening parenthesis of the column list. */
const TABLE_THEN_COLUMNS = /[^\s(]{1,200}\s*\(/y;
const VALUES = /\s*\)\s*values\s*\(/iy;
/** A list of bound values after a statement: `with bindings [`, `-- PARAMETERS: [`, `parameters: [`. */
const BINDINGS = /\b(?:bindings|parameters|params|binds|replacements)\b[^[\r\n]{0,20}\[/i;
/** How far after a statement its bindings list may start. */
const BINDINGS_NEAR = 200;
/** At most this many columns are read (a users table has far fewer); the rest are not checked. */
const MAX_COLUMNS = 100;
/** What wraps a column name: quotes, backticks, brackets, backslashes (the SQL inside a JSON string). */
const NAME_WRAP = /[\\"'`[\]]/g;

/** Where each secret value starts (after its quote), and where it ends. */
type Places = Map<number, number>;
const placesOf = new WeakMap<object, { text: string; places: Places }>();

/** The end of a quoted string opened at `at` (`''` and backslash escapes kept in it), or the text's end. */
function quotedEnd(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === quote) {
      if (text.charCodeAt(i + 1) !== quote) return i;
      i++;
    }
  }
  return text.length;
}

const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);
const isQuote = (code: number): boolean => code === 39 || code === 34;

/**
 * Reads one list (`(…)` of values or `[…]` of bindings) from `at`, just past its opening bracket:
 * calls `item(index, start, end)` for each top-level item, without its spaces and quotes; returns
 * the index just past the closing bracket (or the text's end).
 */
function readList(
  text: string,
  at: number,
  close: number,
  item: (index: number, start: number, end: number) => void,
): number {
  let index = 0;
  let i = at;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    // A value that is one quoted string: its inside is the secret, the quotes stay.
    let quoted = isQuote(text.charCodeAt(i));
    const closing = quoted ? quotedEnd(text, i) : -1;
    if (quoted) i = closing + 1;
    let depth = 0;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (isQuote(code)) {
        quoted = false;
        i = quotedEnd(text, i);
        continue;
      }
      if (code === 40 || code === 91 || code === 123) depth++;
      else if (depth > 0 && (code === 41 || code === 93 || code === 125)) depth--;
      else if (depth === 0 && (code === 44 || code === close)) break;
      if (!isSpace(code)) quoted = false;
    }
    let end = Math.min(i, text.length);
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (quoted) item(index++, start + 1, Math.min(closing, text.length));
    else item(index++, start, end);
    if (i >= text.length) return text.length;
    if (text.charCodeAt(i) === close) return i + 1;
    i++; // the comma
  }
  return text.length;
}

/**
 * The column names of a list starting at `at` (past `(`) and ending at `close` (its `)`), or
 * undefined when the list is too long to be one.
 */
function readColumns(text: string, at: number, close: number): { names: string[]; end: number } | undefined {
  if (close < 0 || close - at > MAX_COLUMNS * 80) return undefined;
  const names = text
    .slice(at, close)
    .split(',', MAX_COLUMNS)
    .map((name) => name.replace(NAME_WRAP, '').trim().split('.').pop() ?? '');
  return { names, end: close };
}

/** Parses every INSERT of `text` into the places of its secret values. */
function findPlaces(text: string, isSecretKey: RuleContext['isSecretKey']): Places {
  const places: Places = new Map();
  // Cheap test first: most texts have no INSERT at all.
  if (!/insert/i.test(text)) return places;
  INSERT_INTO.lastIndex = 0;
  // The next `)`, found again only when passed: a text of many `insert into x (` is read once.
  let close = -1;
  for (let m = INSERT_INTO.exec(text); m; m = INSERT_INTO.exec(text)) {
    TABLE_THEN_COLUMNS.lastIndex = INSERT_INTO.lastIndex;
    if (!TABLE_THEN_COLUMNS.test(text)) continue;
    const open = TABLE_THEN_COLUMNS.lastIndex;
    if (close !== -2 && close < open) {
      const found = text.indexOf(')', open);
      close = found === -1 ? -2 : found;
    }
    const columns = readColumns(text, open, close);
    if (!columns) continue;
    VALUES.lastIndex = columns.end;
    if (!VALUES.test(text)) continue;
    const secret = columns.names.map((name) => name !== '' && isSecretKey(name));
    if (!secret.includes(true)) {
      INSERT_INTO.lastIndex = VALUES.lastIndex;
      continue;
    }
    // Which bound value (0-based) each secret placeholder stands for: `$2` → 1, the third `?` → 2.
    const bound = new Set<number>();
    let questionMarks = 0;
    let at = VALUES.lastIndex;
    // One or more rows: `values (…), (…)`.
    for (;;) {
      at = readList(text, at, 41, (index, start, end) => {
        const value = text.slice(start, end);
        const placeholder = /^(?:\$(\d{1,4})|(\?))$/.exec(value);
        if (placeholder?.[2]) questionMarks++;
        if (index >= secret.length || !secret[index]) return;
        if (placeholder) bound.add(placeholder[1] ? Number(placeholder[1]) - 1 : questionMarks - 1);
        else places.set(start, end);
      });
      const next = /\s*,\s*\(/y;
      next.lastIndex = at;
      if (!next.test(text)) break;
      at = next.lastIndex;
    }
    if (bound.size > 0) {
      const near = text.slice(at, at + BINDINGS_NEAR);
      const list = BINDINGS.exec(near);
      if (list) {
        at = readList(text, at + list.index + list[0].length, 93, (index, start, end) => {
          if (bound.has(index)) places.set(start, end);
        });
      }
    }
    INSERT_INTO.lastIndex = Math.max(at, INSERT_INTO.lastIndex);
  }
  return places;
}

export const sqlInsertRules: readonly RedactionRule[] = [
  {
    id: 'sql-insert-secret-column',
    // Each list item's start, after `(`, `,` or `[`, the spaces `readList` skips and an opening quote;
    // `secretEnd` decides. (Not an unquoted item that starts with `(`: a subquery is not a secret, and
    // `(,(,…` costs no lookups.)
    pattern: /([(,[][\t-\r ]*(?:["']|(?=[^\s,()\]])))()/g,
    secretGroup: 2,
    secretEnd: (text, start, _m, scan) => {
      let known = placesOf.get(scan);
      if (known?.text !== text) {
        known = { text, places: findPlaces(text, scan.isSecretKey) };
        placesOf.set(scan, known);
      }
      return known.places.get(start) ?? start;
    },
  },
];
