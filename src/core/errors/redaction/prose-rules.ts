import { keyWords } from './secret-key';
import type { RedactionRule } from './types';
import { valueEnd } from './value-end';

/**
 * Secrets written in prose, code and credential pairs rather than as `key=value` (break-it pass 2,
 * L4, L6): `password is Hunter2`, `the password was "x"`, `password == "x"`, `token !== "…"`,
 * `setPassword("x")`, `cvv 123`, `verification code 482913`, `ada@example.com:Hunter2` and
 * `ada:Hunter2@db.internal` (a `user:password@host` without a scheme).
 */

/** A value with letters and a digit or a symbol (not a hyphen or apostrophe inside a word): `Hunter2`, `p@ss!`. */
const SECRET_WORD = /^(?=.*[A-Za-z])(?=.*[\d!#$%&*+/<=>?@^_|~])\S{6,}$/;
/** Literal values compared with or assigned: kept. */
const LITERAL = /^(?:|null|undefined|none|nil|true|false)$/i;
/** Verbs whose argument names or finds a secret rather than being it: `getSecret("db")`, `hasToken("x")`. */
const LOOKUP_VERB = /^(get|fetch|load|read|find|lookup|has|is|delete|remove|revoke|clear|require|use|t)$/;
/** Last words of a key whose secret is a short number: `pin 4821`, `cvv 123`, `verification code 482913`. */
const NUMERIC_SECRET = /^(pin|otp|totp|hotp|cvv2?|cvc2?|csc|code|passcode|tan)$/;
/** Words before `:` that label an address rather than name a user (`mailto:ada@x.example`, `sip:ada@…`). */
const ADDRESS_LABEL =
  /^(mailto|sip|sips|xmpp|im|email|e-mail|mail|to|from|cc|bcc|contact|reply-to|user|username|login|author|committer|by|at)$/i;

/** The next word after `from`, without sentence punctuation at its end. */
function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/\s/.test(text.charAt(i))) i++;
  while (i > from && /[.,;:!?)\]}]/.test(text.charAt(i - 1))) i--;
  return i;
}

export const proseRules: readonly RedactionRule[] = [
  // `password is Hunter2`, `password was "x"`, `password - Hunter2`, and comparisons with a quoted
  // literal: `password == "x"`, `token !== "…"`. After `is`/`was`/`-` one word is the value, and
  // only a word with letters and a digit or symbol is a secret (`password is required` stays).
  {
    id: 'prose-secret',
    pattern: /(?<![\w$.-])([A-Za-z_$][\w$.-]{0,80})([ \t]+(?:is|was|-|[!=]==?)[ \t]+)(\\*["'`]?)()/gi,
    secretGroup: 4,
    secretEnd: (text, start, m, { isSecretKey }) => {
      if (!isSecretKey(m[1] as string)) return start;
      const quote = m[3] as string;
      if (quote) return valueEnd(text, start, { quote, equals: false, query: false }, m.index);
      return /[=!]/.test(m[2] as string) ? start : wordEnd(text, start);
    },
    test: (m, { secret }) => ((m[3] as string) ? !LITERAL.test(secret) : SECRET_WORD.test(secret)),
  },
  // `setPassword("x")`, `password('x')`, `withApiKey("…")`: a function named by a secret key, called
  // with a string literal first.
  {
    id: 'secret-call',
    pattern: /(?<![\w$])([A-Za-z_$][\w$]{0,60})(\([ \t]*)(\\*["'`])([^\r\n]{1,300}?)(?=\3[ \t]*[,)])/g,
    secretGroup: 4,
    test: (m, { isSecretKey }) => {
      const name = m[1] as string;
      return !LOOKUP_VERB.test(keyWords(name)[0] ?? '') && isSecretKey(name);
    },
  },
  // `cvv 123`, `PIN 4821`, `verification code 482913`: a key whose secret is a number, then the number.
  {
    id: 'numeric-secret',
    pattern:
      /(?<![\w$.-])([A-Za-z][\w-]{0,40}(?:[ \t][A-Za-z][\w-]{0,40})?)([ \t]+(?:(?:is|was|of)[ \t]+)?#?)(\d{3,8})(?!\w|[.,:/-]\d)/gi,
    secretGroup: 3,
    test: (m, { isSecretKey }) =>
      NUMERIC_SECRET.test(keyWords(m[1] as string).at(-1) ?? '') && isSecretKey(m[1] as string),
  },
  // `ada@example.com:Hunter2` (a leaked login, a decoded Basic header): both parts. A git remote
  // (`git@github.com:org/repo`), a port (`:22`) and a plain lower-case word (`host:backup`) stay.
  {
    id: 'email-password-pair',
    pattern:
      /(?<![\w.+%-])([\w.+-]{1,64}@[A-Za-z\d-]{1,63}(?:\.[A-Za-z\d-]{1,63}){1,8})(:)([^\s/\\:@"'<>()[\]{},;]{4,200})(?=$|[\s"'<>()[\]{},;])/g,
    test: (m) => /\d|[^\w]|[A-Z]/.test(m[3] as string) && !/^\d+$/.test(m[3] as string),
  },
  // `ada:Hunter2@db.internal:5432` without a scheme (URLs with one are the url-credentials rule's).
  {
    id: 'user-password-at-host',
    pattern:
      /(?<![\w.+%:/@-])([\w.+-]{1,64})(:)([^\s/\\:@"'<>]{1,128})(?=@[A-Za-z\d][\w-]{0,62}(?:\.[\w-]{1,63}){0,8}(?::\d{1,5})?(?:[\s/"'<>),;]|$))/g,
    secretGroup: 3,
    test: (m) =>
      /[A-Za-z]/.test(m[1] as string) &&
      !/^\[[A-Za-z _-]{1,30}\]$/.test(m[3] as string) &&
      (!ADDRESS_LABEL.test(m[1] as string) || /\d|[^\w]|[A-Z]/.test(m[3] as string)),
  },
];
