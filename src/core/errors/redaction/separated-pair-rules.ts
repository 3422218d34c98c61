import { opaque } from './checks';
import { isReason } from './reason';
import type { RedactionRule } from './types';
import { isHostChar } from './url-password-end';
import { MATCH_CHAR_COST, MATCH_COST } from './work-budget';

/** A value that is already a replacement (`[REDACTED]`, `[Filtered]`, `***`). */
const REPLACED = /^(?:\[[A-Za-z _-]{1,30}\]|\*{3,})$/;
/** An environment variable's name, as `fish`'s `set` and PowerShell's `Get-ChildItem env:` print it. */
const ENV_NAME = /^[A-Z][A-Z\d_]{1,80}$/;
/** `.netrc` words (`machine api.heroku.com login ada password …`): the word after `password` is the password. */
const NETRC = /\b(machine|login|default|macdef)\b/;

/** A tab-separated value: to the next tab or line end; written escaped, also to the next escape or quote. */
const RAW_STOPS = /[^\t\r\n]+/y;
const ESCAPED_STOPS = /(?:[^\t\r\n\\"]|\\(?![tnr"\\]))+/y;

/** The key-shaped word (at most 81 characters) that ends at `end`. */
const KEY_CHAR = /[\w.$-]/;
function keyBefore(text: string, end: number): string {
  let from = end;
  while (from > end - 81 && from > 0 && KEY_CHAR.test(text.charAt(from - 1))) from--;
  return text.slice(from, end);
}

/** Whether a separated value is a secret: not a replacement, and not a reason (`password\trequired`). */
const secretValue = (value: string): boolean => !REPLACED.test(value) && !isReason(value, true);

/**
 * Secrets written as a key, blanks and a value, with no `=` or `:` (break-it pass 2, L3): a
 * tab-separated row (`password\tHunter2`, TSV exports, `printf '%s\t%s'` logs), aligned columns at a
 * line start (PowerShell's `Get-ChildItem env:`, `docker inspect`-like tables: `API_KEY    abc123`),
 * `fish`'s `set` output (`AWS_SECRET_ACCESS_KEY wJalr…`), `.netrc` (`machine x login y password z`)
 * and `password <opaque value>` in prose.
 */
export const separatedPairRules: readonly RedactionRule[] = [
  // key, tabs, value (to the next tab or the line's end), anywhere a key may start; also with the
  // tabs escaped (`\t` inside a JSON string: the value then ends at an escape or a quote)
  {
    id: 'tab-separated-pair',
    // The match starts at the tabs (a key-shaped word must end there; a lookahead tests the tab first),
    // so the engine checks one character per position, not a word: this rule runs on every stack line
    pattern: /(?=[\t\\])(?<=(?<![\w.$-])[A-Za-z_$][\w.$-]{0,80})(\t+|(?:\\t)+)()/g,
    secretGroup: 2,
    // The key is checked first, so a rejected key costs nothing more (`user\tpassword\t…`).
    secretEnd: (text, start, m, { isSecretKey }) => {
      if (!isSecretKey(keyBefore(text, m.index))) return start;
      const stops = (m[1] as string).startsWith('\\') ? ESCAPED_STOPS : RAW_STOPS;
      stops.lastIndex = start;
      return stops.test(text) ? stops.lastIndex : start;
    },
    test: (_, { secret }) => secretValue(secret.trim()),
  },
  // key at a line start (indented, or after a tab; also after fish's `set -gx`), then two or more
  // spaces (aligned columns) or, for an upper-case environment name, one space and a one-word opaque value
  {
    id: 'aligned-pair',
    pattern:
      /(?<![^\t\r\n])([ ]{0,8}(?:set(?:[ ]+-[A-Za-z]{1,4}){0,3}[ ]+)?[A-Za-z_][\w.-]{0,80})([ ]+)([^\t\r\n]+)/g,
    secretGroup: 3,
    test: (m, { isSecretKey }) => {
      const key = (m[1] as string).trim().replace(/^set\b.*[ ]/, '');
      const value = (m[3] as string).trim();
      if (!isSecretKey(key) || !secretValue(value)) return false;
      return (m[2] as string).length > 1 || (ENV_NAME.test(key) && !/\s/.test(value) && opaque(value));
    },
  },
  // `password <value>`: an opaque value (a letter and a digit, 8+ characters), or any word that is
  // not a reason after `.netrc` words (`machine`, `login`, `default`)
  {
    id: 'spaced-password',
    pattern: /\b(pass(?:word|wd|phrase)|pwd)([ \t]+)([^\s"'`<>]+)/gi,
    secretGroup: 3,
    test: (m, { before }) => {
      const value = m[3] as string;
      if (!secretValue(value) || /^(is|was|for|of|to|and|or|the|with|must|should|has|had|not)$/i.test(value))
        return false;
      return opaque(value) || NETRC.test(before.toLowerCase());
    },
  },
];

/** A line break the `aligned-pair` pattern starts a line after (its lookbehind). */
const LINE_START = /[\t\r\n]/;
/**
 * What the `aligned-pair` rule would do on a one-line text, read without its pattern (issue 11): a plain
 * message (`Widget x failed to load`) is a candidate at its start (a word, a space, a value) that the
 * rule's test rejects by its key. Returns the work budget the rule would take there (one candidate
 * rejected, or 0 for no candidate) when it surely changes nothing; `undefined` when it must run: the text
 * has another line start (a tab or a line break), starts with `set`, or its first word is a secret key.
 * Mirrors the pattern `/(?<![^\t\r\n])([ ]{0,8}(?:set…)?[A-Za-z_][\w.-]{0,80})([ ]+)([^\t\r\n]+)/`:
 * at the text's only line start, up to 8 spaces, a key of at most 81 characters followed by a space,
 * then at least one more character (a space too). Tested against the rule over texts on each edge.
 */
export function alignedPairSkip(text: string, isSecretKey: (key: string) => boolean): number | undefined {
  if (LINE_START.test(text)) return undefined;
  let at = 0;
  while (text.charCodeAt(at) === 32) at++;
  if (at > 8) return 0;
  if (text.startsWith('set', at)) return undefined;
  const first = text.charCodeAt(at);
  if (!(((first | 32) >= 97 && (first | 32) <= 122) || first === 95)) return 0;
  let end = at + 1;
  while (end < text.length && isHostChar(text.charCodeAt(end))) end++;
  // The key is followed by a space, and the value by one character at least (`a  `: ' ' then ' ').
  if (end - at > 81 || text.charCodeAt(end) !== 32 || end + 2 > text.length) return 0;
  if (isSecretKey(text.slice(at, end))) return undefined;
  // One candidate, the whole text (its value runs to the end), rejected by its key.
  return MATCH_COST + MATCH_CHAR_COST * text.length;
}
