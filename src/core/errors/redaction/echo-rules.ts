import { opaque } from './checks';
import type { RedactionRule } from './types';
import { valueEnd } from './value-end';

/**
 * Values that libraries and databases echo beside the name of the field, column or argument they
 * belong to (break-it pass 2, L11): the value is a secret when the name is one. The formats are fixed
 * strings of common libraries, so each rule starts at its literal words and stays linear (bounded
 * gaps, no nested quantifiers):
 *
 * - PostgreSQL `Key (api_key)=(…) already exists`, `Failing row contains (…)`;
 *   MySQL `Duplicate entry '…' for key 'users.api_key'`, `Incorrect integer value: '…' for column 'pin'`
 * - Joi `"password" with value "…"`; Mongoose `` path `password` with value `…` ``,
 *   `Cast to … failed for value "…" (type string) at path "token"`, `` Path `pin` (`…`) is shorter ``
 * - Node `The "password" argument must be … Received type number (…)`, `The property 'options.passphrase' is invalid. Received …`
 * - Yup `password must be a \`number\` type, but the final value was: \`…\``; Spring `on field 'password':
 *   rejected value […]`; ASP.NET `The value '…' is not valid for Pin.`; pydantic `input_value='…'`
 * - JSON or printed objects holding a value beside the field it belongs to (express-validator,
 *   class-validator, Ajv with `verbose`, Zod 3, pydantic, Sequelize, HAR):
 *   `{"value":"…","path":"password"}`, `{"received":"…","path":["password"]}`
 */

/** Index and constraint names wrap the column: `users_api_key_key`, `UQ_api_key`, `api_key_unique`. */
const INDEX_AFFIX = /^(?:uq|uk|ix|idx|unique)_|_(?:key|pkey|fkey|unique|uniq|uq|idx|index|ix)$/gi;
/** An echoed value that says nothing secret: empty, a literal, a type (`Received an instance of Object`). */
const HARMLESS =
  /^(?:|null|undefined|true|false|nan|none|\[\]|\{\}|an instance of [\w$.]+|function \S*|\[?object \w+\]?|\[(?:array|object|function)\])$/i;
/** A column named just `key` holds a token when its value looks like one (Django's `authtoken_token.key`). */
const TOKEN_VALUE = /^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{16,}$/;

type IsSecretKey = (key: string) => boolean;

/** Whether a printed name (a column, an index, a dotted or `/` path, a JSON array of path parts) is a secret's. */
function secretName(name: string, isSecretKey: IsSecretKey): boolean {
  const bare = name.replace(/[`"'\s]/g, '');
  return isSecretKey(bare) || isSecretKey(bare.replace(INDEX_AFFIX, ''));
}

const echoed = (value: string): boolean => !HARMLESS.test(value.trim());

/** How far an echoed value may run (libraries cut theirs shorter: Node at 25 characters, Joi not at all). */
const MAX_VALUE = 500;

/** Where the line that `from` is on ends (at most MAX_VALUE characters on). */
const lineEnd = (text: string, from: number): number => {
  const stop = Math.min(text.length, from + MAX_VALUE);
  const newline = text.slice(from, stop).search(/[\r\n]/);
  return newline < 0 ? stop : from + newline;
};

/**
 * The index of the first `pattern` match on the line after `from` (within MAX_VALUE), or -1. A scan
 * of a bounded slice: a lazy `.{0,500}?` followed by a lookahead was ten times slower on repeated
 * prefixes.
 */
function find(text: string, from: number, pattern: RegExp): number {
  const at = text.slice(from, lineEnd(text, from)).search(pattern);
  return at < 0 ? -1 : from + at;
}

/** PostgreSQL's values tuple: up to `) already exists`, `) is not present`, … or the line's last `)`. */
function tupleEnd(text: string, start: number): number {
  const line = text.slice(start, lineEnd(text, start));
  const known = /\)(?= already exists| is not present| is still referenced| conflicts with)/.exec(line);
  const at = known ? known.index : line.lastIndexOf(')');
  return at < 0 ? start : start + at;
}

/** How far around a value field its sibling name field is looked for, each way. */
const SIBLING_WINDOW = 300;
/** A field that names what the value belongs to: `"path": ["user", "password"]`, `param: 'token'`, `"loc": [...]`. */
const NAME_FIELD =
  /(\\?["']?)(?:path|param|property|field|key|name|attribute|column|instancePath|dataPath|loc|argument)\1[ \t]*[:=][ \t]*(\[[^[\]]{0,200}\]|\\?"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}')/y;
/** Objects already read in one scan of one text, by the index of their `{`: all their value fields share the answer. */
const readObjects = new WeakMap<object, Map<number, boolean>>();

/** Per scan: where the last look for a `{` ended, and the last `{` found before it. */
const lastBrace = new WeakMap<object, [number, number]>();

/** The index of the `{` that opens the object around `at`, or -1 (looked for at most SIBLING_WINDOW back). */
function objectStart(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - SIBLING_WINDOW); i--) {
    const code = text.charCodeAt(i);
    if (code === 125 || code === 93) depth++;
    else if (code === 123 || code === 91) {
      if (depth === 0) return code === 123 ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** A name field may start here: a quote or a letter after a character that is not part of a word. */
const fieldStart = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  const before = text.charCodeAt(i - 1);
  return (
    (code === 34 || code === 39 || code === 92 || ((code | 32) >= 97 && (code | 32) <= 122)) &&
    !(
      before === 95 ||
      before === 36 ||
      (before >= 48 && before <= 57) ||
      ((before | 32) >= 97 && (before | 32) <= 122)
    )
  );
};

/**
 * Whether the object that opens at `open` has a name field (at its own level) naming a secret.
 * Strings are skipped whole, so a `{` in a message does not count. Bounded: SIBLING_WINDOW characters
 * from the value field, and each object is read once per scan.
 */
function objectNamesSecret(text: string, open: number, at: number, isSecretKey: IsSecretKey): boolean {
  const stop = Math.min(text.length, at + SIBLING_WINDOW);
  let depth = 0;
  for (let i = open + 1; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === 123 || code === 91) depth++;
    else if (code === 125 || code === 93) {
      if (depth-- === 0) return false;
    } else if (depth === 0 && fieldStart(text, i)) {
      NAME_FIELD.lastIndex = i;
      const m = NAME_FIELD.exec(text);
      if (m && secretName(m[2] as string, isSecretKey)) return true;
      if (m) i = NAME_FIELD.lastIndex - 1;
      else if (code === 34 || code === 39) {
        const close = text.indexOf(text.charAt(i), i + 1);
        if (close < 0 || close > stop) return false;
        i = close;
      }
    }
  }
  return false;
}

/** Whether the value field at `at` sits in an object whose name field names a secret (cached per scan). */
function siblingNamesSecret(text: string, at: number, scan: object, isSecretKey: IsSecretKey): boolean {
  const seen = readObjects.get(scan) ?? new Map<number, boolean>();
  readObjects.set(scan, seen);
  // The last `{` before `at`, found from where the previous value field of this scan left off.
  const from = seen.get(-1) === undefined ? 0 : (lastBrace.get(scan)?.[0] ?? 0);
  const found = text.slice(from, at).lastIndexOf('{');
  const brace = found < 0 ? (lastBrace.get(scan)?.[1] ?? -1) : from + found;
  lastBrace.set(scan, [at, brace]);
  seen.set(-1, true);
  if (brace < 0 || at - brace > SIBLING_WINDOW) return false;
  const open = objectStart(text, at);
  if (open < 0) return false;
  let known = seen.get(open);
  if (known === undefined) seen.set(open, (known = objectNamesSecret(text, open, at, isSecretKey)));
  return known;
}

export const echoRules: readonly RedactionRule[] = [
  // PostgreSQL unique and foreign-key violations: `Key (api_key)=(abc…) already exists.`; a composite
  // key's values are replaced together when one of its columns is secret.
  {
    id: 'db-key-detail',
    pattern: /(\bKey \()([^\r\n]{1,300}?)(\)=\()()/g,
    secretGroup: 4,
    secretEnd: tupleEnd,
    test: (m, { isSecretKey, secret }) =>
      echoed(secret) &&
      ((m[2] as string).split(',').some((column) => secretName(column, isSecretKey)) ||
        ((m[2] as string).trim() === 'key' && TOKEN_VALUE.test(secret))),
  },
  // PostgreSQL's whole failing row (a check or not-null violation): replaced when an item looks like a
  // token or hash (`$2b$12$…`); a row of ids, names and dates stays.
  {
    id: 'db-failing-row',
    pattern: /(\bFailing row contains \()()/g,
    secretGroup: 2,
    secretEnd: tupleEnd,
    test: (_, { secret }) =>
      secret.split(/,\s*/).some((item) => opaque(item) && !/^[\da-f-]{36}$|@|\s/i.test(item)),
  },
  // MySQL: the value comes first, the key or column after it.
  {
    id: 'db-value-for-key',
    pattern: /(\b(?:[Ee]ntry|value:?) ')([^'\r\n]{0,500})(?=' for (?:key|column) ([\w.$`'"-]{1,200}))/g,
    secretGroup: 2,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[3] as string, isSecretKey),
  },
  // Joi `"password" with value "…"`, Mongoose `` path `password` with value `…` ``
  {
    id: 'with-value',
    pattern: /(\\*["'`])([\w.$[\]-]{1,100})(\1 with value \1)()/g,
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey }) => {
      if (!secretName(m[2] as string, isSecretKey)) return start;
      const quote = (m[1] as string).replace(/[$^\\.*+?()[\]{}|]/g, '\\$&');
      const end = find(text, start, new RegExp(`${quote}(?:[\\s.,;:)]|$)`));
      return end < 0 ? start : end;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // Mongoose: `Cast to Number failed for value "…" (type string) at path "pin"` (the value first)
  {
    id: 'value-at-path',
    pattern: /(\bfor value \\*")()/g,
    secretGroup: 2,
    secretEnd: (text, start, _, { isSecretKey }) => {
      const end = find(text, start, /\\*" \(type [\w ]{1,40}\) at path \\*"/);
      const path = end < 0 ? null : /at path \\*"([^"\\\r\n]{1,100})/.exec(text.slice(end, end + 160));
      return path && secretName(path[1] as string, isSecretKey) ? end : start;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // Mongoose: `` `…` is not a valid enum value for path `token` ``
  {
    id: 'enum-value-at-path',
    pattern: /(`)([^`\r\n]{0,500})(?=` is not a valid enum value for path `([^`\r\n]{1,100})`)/g,
    secretGroup: 2,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[3] as string, isSecretKey),
  },
  // Mongoose: `` Path `password` (`…`) is shorter than … ``, `` Path `pin` (1234) is less than … ``,
  // `` Path `token` is invalid (…). ``
  {
    id: 'path-value',
    pattern: /(\bPath `)([^`\r\n]{1,100})(` \(`?|` is invalid \()()/g,
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey }) => {
      if (!secretName(m[2] as string, isSecretKey)) return start;
      const end = find(text, start, /`?\)(?: is |\.?$)/);
      return end < 0 ? start : end;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // Node's ERR_INVALID_ARG_TYPE / _VALUE / ERR_OUT_OF_RANGE: `The "password" argument must be … Received
  // type number (…)`; `Received` ends the message, the name is looked for before it. A `key` argument
  // of Node's own API is a crypto key (`createHmac`, `createCipheriv`, `sign`).
  {
    id: 'node-received',
    pattern: /(\. Received (?:type \w+ \()?)()/g,
    secretGroup: 2,
    secretEnd: (text, start, m, { isSecretKey }) => {
      const before = text.slice(Math.max(0, m.index - 400), m.index);
      const name = /\bThe (?:argument |property |value of )?["']([\w.$[\]-]{1,100})["'][^"'\r\n]*$/.exec(
        before,
      )?.[1];
      if (!name || !(/(?:^|\.)key$/.test(name) || secretName(name, isSecretKey))) return start;
      const end = lineEnd(text, start);
      return (m[1] as string).endsWith('(') && text[end - 1] === ')' ? end - 1 : end;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // Yup's type error: `password must be a \`number\` type, but the final value was: \`…\` (cast from the value \`…\`).`
  {
    id: 'yup-final-value',
    // Found by its literal words (a pattern starting at the name would start at every word), then
    // the name is read before them.
    pattern: /( must be a `[\w ]{1,40}` type, but the final value was: `)()/g,
    secretGroup: 2,
    secretEnd: (text, start, m, { isSecretKey }) => {
      const name = /(?:^|[^\w.$[\]-])([\w.$[\]-]{1,100})$/.exec(
        text.slice(Math.max(0, m.index - 101), m.index),
      );
      const at =
        name && secretName(name[1] as string, isSecretKey)
          ? text.slice(start, lineEnd(text, start)).lastIndexOf('`')
          : -1;
      return at < 0 ? start : start + at;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // Spring's BindException: `Field error in object 'user' on field 'password': rejected value [Hunter2];`
  {
    id: 'spring-rejected-value',
    pattern: /(\bon field ')([^'\r\n]{1,100})(': rejected value \[)()/g,
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey }) => {
      const end = secretName(m[2] as string, isSecretKey) ? find(text, start, /\];/) : -1;
      return end < 0 ? start : end;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // ASP.NET model binding: `The value 'Hunter2' is not valid for Pin.`
  {
    id: 'aspnet-not-valid-for',
    pattern: /(\bThe value ')([^'\r\n]{0,500})(?=' is not valid for ([\w. ]{1,100})\.)/g,
    secretGroup: 2,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[3] as string, isSecretKey),
  },
  // pydantic: the field on its own line, then `  String should … [type=…, input_value='…', input_type=str]`
  {
    id: 'pydantic-input-value',
    pattern:
      /((?:^|\n)[ \t]*)([\w.[\]-]{1,100})(\r?\n[ \t]+[^\r\n[]{0,300}\[type=[\w.]{1,60}, input_value=)()/g,
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey }) => {
      const end = secretName(m[2] as string, isSecretKey)
        ? find(text, start, /, input_type=[\w.]{1,60}\]/)
        : -1;
      return end < 0 ? start : end;
    },
    test: (_, { secret }) => echoed(secret),
  },
  // A value field beside a name field in the same JSON or printed object, either order; also Zod 3's
  // message `…, received 'Hunter2'` inside such an object.
  {
    id: 'sibling-field-value',
    pattern:
      /(?<![\w$])(\\?["']?)(value|received|data|input|actual|rejectedValue|invalidValue)(\1[ \t]*[:=][ \t]*|(?<=received) (?=['"]))(\\?["'`]?)()/g,
    secretGroup: 5,
    secretEnd: (text, start, m, scan) => {
      if (!siblingNamesSecret(text, m.index, scan, scan.isSecretKey)) return start;
      const quote = m[4] as string;
      if (quote) return valueEnd(text, start, { quote, equals: false, query: false }, m.index);
      const end = /^[^,}\]\r\n]*/.exec(text.slice(start, start + MAX_VALUE))?.[0].trimEnd().length ?? 0;
      return start + end;
    },
    test: (_, { secret }) => echoed(secret),
  },
];
