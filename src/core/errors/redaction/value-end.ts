/**
 * Where the value after a secret key ends (issue 9, L3, L7, L8, S1). Written as a scan rather than
 * a pattern so that it is linear: it only runs for a secret key, and what it reads is then either
 * replaced or skipped as a reason, so no character is read twice.
 *
 * - A quoted value (`"…"`, `'…'`, also escaped any number of times: `\"…\"`, `\\"…\\"`) ends at
 *   the same quote with no more backslashes before it than the opening one had.
 * - In a URL query (the key follows `?`, `&`, `#`, or `%3F`, `%26`, `%23` when the URL is itself
 *   encoded) a value ends at the next `&`, `#`, space, `"` or angle bracket (`%26`, `%23`, `%20`
 *   when encoded); a `'` is legal in a query and stays in it.
 * - Anywhere else an unquoted value runs to the end of the line, so `&`, `,`, `;`, `{`, `'` and spaces
 *   inside a password are kept in it; after `=` it also ends before the next ` key=` pair, and a
 *   quote that closes an enclosing string (`"…password: x", "next": …`, `…"}`) ends it.
 * - `key:` with nothing after it on its line takes the next, more indented line (a YAML block), and
 *   all such lines after `|` or `>` (also written inside a JSON string, with a literal `\n`); a stack
 *   frame (`    at …`) is never taken.
 */

/** How the value is written: its opening quote (with backslashes), its separator and its place. */
export interface ValueForm {
  /** The opening quote with the backslashes before it, or `''`. */
  quote: string;
  /** True after `=`, `=>` or an encoded `=` (a value may be followed by another pair on its line). */
  equals: boolean;
  /** `raw` or `encoded` when the pair is a URL query parameter. */
  query: false | 'raw' | 'encoded';
  /** True after a quoted key and `:` (`"password": null`): a JSON literal or number ends at `,` `}` `]`. @default false */
  json?: boolean;
}

/** A ` key=` pair starting at a space: where an unquoted `=` value ends. */
const NEXT_PAIR = /[ \t]+[A-Za-z_$][\w$.[\]-]{0,80}[ \t]*=(?!=)/y;
/**
 * What follows a quote that closes an enclosing string: the next `"key":` of a JSON or JS object, a
 * closing bracket or the end of the line (`Digest username="x", response="…"` goes on).
 */
const CLOSES = /[ \t]*(?:,[ \t]*\\*["']?[\w$-]{1,80}\\*["']?[ \t]*:|[)}\]]|$)/my;
/** Where a raw query value ends: `&`, `#`, `"`, `<`, `>`, a backtick or a space (read by code: per character). */
const isRawQueryStop = (code: number): boolean =>
  code === 38 || code === 35 || code === 34 || code === 60 || code === 62 || code === 96 || isSpaceChar(code);
/** `%26`, `%23`, `%20`, also encoded twice (`%2526`: a redirect inside a redirect). */
const ENCODED_QUERY_STOP = /^%(?:25)?(?:26|23|20)/i;
const STACK_FRAME = /^[ \t]+at /;
/** A JSON literal or number, with the spaces around it (at most 32 characters are tested). */
const JSON_LITERAL = /^[ \t]*(?:null|true|false|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[ \t]*$/;
const BLOCK = /^[|>][-+]?\d?$/;
/** A literal `\n` and the indentation after it: the next line of a block inside a JSON string. */
const ESCAPED_LINE = /\\n(?:[ \t]|\\t)+/y;

const isSpace = (code: number): boolean => code === 32 || code === 9;
/** What `\s` matches. */
export const isSpaceChar = (code: number): boolean =>
  (code >= 9 && code <= 13) ||
  code === 32 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
const lineEnd = (text: string, from: number): number => {
  const n = text.indexOf('\n', from);
  const end = n < 0 ? text.length : n;
  return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
};
const indent = (text: string, lineStart: number): number => {
  let i = lineStart;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i - lineStart;
};

/** The end of a quoted value: the same quote with at most as many backslashes before it. */
function quotedEnd(text: string, from: number, quote: string): number {
  const mark = quote.at(-1);
  const escapes = quote.length - 1;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '\n' || char === '\r') return i;
    if (char !== mark) continue;
    let slashes = 0;
    while (i - slashes > from && text[i - 1 - slashes] === '\\') slashes++;
    if (slashes <= escapes) return i - slashes;
  }
  return text.length;
}

/** The end of an unquoted value on its line (see the module comment). */
function plainEnd(text: string, from: number, form: ValueForm): number {
  let i = from;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) break;
    // A literal `\n` or `\r`: the value was written inside a JSON string.
    if (code === 92 && (text[i + 1] === 'n' || text[i + 1] === 'r')) break;
    if (form.query === 'raw' && isRawQueryStop(code)) break;
    if (
      form.query === 'encoded' &&
      (isSpace(code) || (code === 37 && ENCODED_QUERY_STOP.test(text.slice(i, i + 5))))
    )
      break;
    if (form.query) continue;
    // `{"password":null,"remember":true}`: a JSON literal or number ends the value (break-it pass 2, F2).
    if (form.json && (code === 44 || code === 125 || code === 93) && i - from <= 32) {
      if (JSON_LITERAL.test(text.slice(from, i))) break;
    }
    if (code === 34 || code === 39) {
      CLOSES.lastIndex = i + 1;
      if (CLOSES.test(text)) {
        while (i > from && text[i - 1] === '\\') i--;
        break;
      }
    }
    if (form.equals && isSpace(code) && !isSpace(text.charCodeAt(i - 1))) {
      NEXT_PAIR.lastIndex = i;
      if (NEXT_PAIR.test(text)) break;
    }
  }
  while (i > from && /\s/.test(text.charAt(i - 1))) i--;
  return i;
}

/** The end of a YAML block value after `key:` at the end of its line, or `from` when there is none. */
function blockEnd(text: string, from: number, keyLineStart: number, marker: string): number {
  const keyIndent = indent(text, keyLineStart);
  let end = from;
  let line = lineEnd(text, from);
  while (line < text.length) {
    const next = text.indexOf('\n', line) + 1;
    if (next <= 0 || next >= text.length) break;
    const stop = lineEnd(text, next);
    const blank = text.slice(next, stop).trim() === '';
    if (!blank && (indent(text, next) <= keyIndent || STACK_FRAME.test(text.slice(next, next + 8)))) break;
    if (!blank) end = stop;
    line = stop;
    // A plain value takes one line; `|` and `>` take every more indented line.
    if (!marker && end > from) break;
  }
  return end;
}

/**
 * The index just past the value that starts at `from` (after the separator and opening quote), or
 * `from` when there is none. `keyStart` is where the key begins (for a YAML block's indentation).
 */
export function valueEnd(text: string, from: number, form: ValueForm, keyStart: number): number {
  if (form.quote) return quotedEnd(text, from, form.quote);
  const end = plainEnd(text, from, form);
  const rest = text.slice(from, end);
  if (form.equals || form.query || (rest !== '' && !BLOCK.test(rest))) return end;
  // The same block written inside a JSON string: `password:\n    Hunter2` with a literal `\n`.
  ESCAPED_LINE.lastIndex = end;
  if (ESCAPED_LINE.test(text)) return plainEnd(text, ESCAPED_LINE.lastIndex, form);
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const block = blockEnd(text, end, lineStart, rest);
  return block > end ? block : end;
}
