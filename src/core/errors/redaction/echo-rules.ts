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

/** Where the line that `from` is on ends (at most 2,000 characters on). */
const lineEnd = (text: string, from: number): number => {
  const stop = Math.min(text.length, from + 2000);
  const newline = text.slice(from, stop).search(/[\r\n]/);
  return newline < 0 ? stop : from + newline;
};

/** PostgreSQL's values tuple: up to `) already exists`, `) is not present`, … or the line's last `)`. */
function tupleEnd(text: string, start: number): number {
  const line = text.slice(start, lineEnd(text, start));
  const known = /\)(?= already exists| is not present| is still referenced| conflicts with)/.exec(line);
  const at = known ? known.index : line.lastIndexOf(')');
  return at < 0 ? start : start + at;
}

/** How far around a value field its sibling name field is looked for, each way. */
const SIBLING_WINDOW = 400;
/** A field that names what the value belongs to: `"path": ["user", "password"]`, `param: 'token'`, `"loc": [...]`. */
const NAME_FIELD =
  /(["']?)(?:path|param|property|field|key|name|attribute|column|instancePath|dataPath|loc|argument)\1[ \t]*[:=][ \t]*(\[[^[\]]{0,200}\]|"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}')/y;

/** The index of the `{` that opens the object around `at`, or -1 (looked for at most SIBLING_WINDOW back). */
function objectStart(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - SIBLING_WINDOW); i--) {
    const char = text[i];
    if (char === '}' || char === ']') depth++;
    else if (char === '{' || char === '[') {
      if (depth === 0) return char === '{' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/**
 * Whether the object around the value field at `at` has a name field (at its own level) naming a
 * secret. Strings are skipped whole, so a `{` in a message does not count. Bounded: at most twice
 * SIBLING_WINDOW characters are read per value field.
 */
function siblingNamesSecret(text: string, at: number, isSecretKey: IsSecretKey): boolean {
  const open = objectStart(text, at);
  if (open < 0) return false;
  const stop = Math.min(text.length, at + SIBLING_WINDOW);
  let depth = 0;
  for (let i = open + 1; i < stop; i++) {
    const char = text[i] as string;
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      if (depth-- === 0) return false;
    } else if (depth === 0 && /[\w"']/.test(char) && !/[\w$]/.test(text[i - 1] ?? '')) {
      NAME_FIELD.lastIndex = i;
      const m = NAME_FIELD.exec(text);
      if (m && secretName(m[2] as string, isSecretKey)) return true;
      if (m) i = NAME_FIELD.lastIndex - 1;
      else if (char === '"' || char === "'") {
        const close = text.indexOf(char, i + 1);
        if (close < 0 || close > stop) return false;
        i = close;
      }
    }
  }
  return false;
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
    pattern: /(["'`])([\w.$[\]-]{1,100})(\1 with value \1)([^\r\n]{0,500}?)(?=\1(?:[\s.,;:)]|$))/g,
    secretGroup: 4,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[2] as string, isSecretKey),
  },
  // Mongoose: `Cast to Number failed for value "…" (type string) at path "pin"` and
  // `` `…` is not a valid enum value for path `token` `` (the value first)
  {
    id: 'value-at-path',
    pattern:
      /(\bfor value "|`)([^\r\n]{0,500}?)(?=(?:" \(type [\w ]{1,40}\) at|` is not a valid enum value for) path ["`]([^"`\r\n]{1,100})["`])/g,
    secretGroup: 2,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[3] as string, isSecretKey),
  },
  // Mongoose: `` Path `password` (`…`) is shorter than … ``, `` Path `pin` (1234) is less than … ``,
  // `` Path `token` is invalid (…). ``
  {
    id: 'path-value',
    pattern: /(\bPath `)([^`\r\n]{1,100})(` \(`?|` is invalid \()([^\r\n]{0,500}?)(?=`?\)(?: is |\.|$))/g,
    secretGroup: 4,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[2] as string, isSecretKey),
  },
  // Node's ERR_INVALID_ARG_TYPE / _VALUE / ERR_OUT_OF_RANGE: `Received` ends the message. A `key`
  // argument of Node's own API is a crypto key (`createHmac`, `createCipheriv`, `sign`).
  {
    id: 'node-received',
    pattern:
      /(\bThe (?:argument |property |value of )?["'])([\w.$[\]-]{1,100})(["'][^\r\n]{0,400}?\. Received (?:type \w+ \()?)()/g,
    secretGroup: 4,
    secretEnd: (text, start, m) => {
      const end = lineEnd(text, start);
      return (m[3] as string).endsWith('(') && text[end - 1] === ')' ? end - 1 : end;
    },
    test: (m, { isSecretKey, secret }) =>
      echoed(secret) && (/(?:^|\.)key$/.test(m[2] as string) || secretName(m[2] as string, isSecretKey)),
  },
  // Yup's type error: `password must be a \`number\` type, but the final value was: \`…\` (cast from the value \`…\`).`
  {
    id: 'yup-final-value',
    pattern:
      /(?<![\w.$[\]-])([\w.$[\]-]{1,100})( must be a `[\w ]{1,40}` type, but the final value was: `)()/g,
    secretGroup: 3,
    secretEnd: (text, start) => {
      const at = text.slice(start, lineEnd(text, start)).lastIndexOf('`');
      return at < 0 ? start : start + at;
    },
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[1] as string, isSecretKey),
  },
  // Spring's BindException: `Field error in object 'user' on field 'password': rejected value [Hunter2];`
  {
    id: 'spring-rejected-value',
    pattern: /(\bon field ')([^'\r\n]{1,100})(': rejected value \[)([^\r\n]{0,500}?)(?=\];)/g,
    secretGroup: 4,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[2] as string, isSecretKey),
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
      /((?:^|\n)[ \t]*)([\w.[\]-]{1,100})(\r?\n[ \t]+[^\r\n[]{0,300}\[type=[\w.]{1,60}, input_value=)([^\r\n]{0,500}?)(?=, input_type=[\w.]{1,60}\])/g,
    secretGroup: 4,
    test: (m, { isSecretKey, secret }) => echoed(secret) && secretName(m[2] as string, isSecretKey),
  },
  // A value field beside a name field in the same JSON or printed object, either order; also Zod 3's
  // message `…, received 'Hunter2'` inside such an object.
  {
    id: 'sibling-field-value',
    pattern:
      /(?<![\w$])(\\?["']?)(value|received|data|input|actual|rejectedValue|invalidValue)(\1[ \t]*[:=][ \t]*|(?<=received) (?=['"]))(\\?["'`]?)()/g,
    secretGroup: 5,
    secretEnd: (text, start, m) => {
      const quote = m[4] as string;
      if (quote) return valueEnd(text, start, { quote, equals: false, query: false }, m.index);
      const end = /^[^,}\]\r\n]*/.exec(text.slice(start, start + 500))?.[0].trimEnd().length ?? 0;
      return start + end;
    },
    test: (m, { isSecretKey, secret }) => echoed(secret) && siblingNamesSecret(m.input, m.index, isSecretKey),
  },
];
