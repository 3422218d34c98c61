/**
 * What a text holds, read in one pass over its characters (issue 11): which characters of a few classes
 * it has (a bit each, see `charMask`), how many ASCII digits, and its longest runs of digits, of token
 * characters (`[A-Za-z0-9_-]`) and of base64 characters (`[A-Za-z0-9+/=_-]`). A rule's gate
 * (rule-gates.ts) reads these to skip a pattern that cannot match: a short plain message has no `=`,
 * no `@`, no run of 13 digits, and most rules need one of them.
 */
export interface TextFacts {
  /** One bit per class of `CLASSES` the text holds a character of; `NON_ASCII` for any code above 127. */
  chars: number;
  /** ASCII digits in the text. */
  digits: number;
  /** The longest run of ASCII digits. */
  digitRun: number;
  /** The longest run of `[A-Za-z0-9_-]`: a `\w`/`[\w-]` token of a rule lies inside one. */
  tokenRun: number;
  /** The longest run of `[A-Za-z0-9+/=_-]` (base64 and base64url, padding included). */
  base64Run: number;
}

/** The ASCII characters with a bit of their own; each string is one class (the letters and digits are one each). */
const CLASSES = [
  '0123456789',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'abcdefghijklmnopqrstuvwxyz',
  ' ',
  '\t',
  '\n',
  '\r',
  '=',
  ':',
  '@',
  '/',
  '\\',
  '%',
  '&',
  '"',
  "'",
  '`',
  '<',
  '>',
  '-',
  '.',
  '_',
  '(',
  '[',
  ',',
  '~',
] as const;

/** The bit of any character above U+007F (letters of other scripts, full-width forms, odd spaces). */
export const NON_ASCII = 1 << CLASSES.length;

/** Each ASCII code's bits. */
const BITS = /* @__PURE__ */ (() => {
  const bits = new Uint32Array(128);
  CLASSES.forEach((chars, bit) => {
    for (let i = 0; i < chars.length; i++)
      bits[chars.charCodeAt(i)] = (bits[chars.charCodeAt(i)] ?? 0) | (1 << bit);
  });
  return bits;
})();

/**
 * The bits of these characters, for a gate's "holds at least one of": `charMask('=:')`. Throws a
 * `TypeError` for a character without a class of its own (a gate that named one would never pass).
 */
export function charMask(chars: string): number {
  let mask = 0;
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    const bits = code < 128 ? (BITS[code] ?? 0) : 0;
    if (!bits) throw new TypeError(`no character class for ${JSON.stringify(chars.charAt(i))}`);
    mask |= bits;
  }
  return mask;
}

const DIGIT = 1;
const TOKEN = 2;
const BASE64 = 4;
/** Per ASCII code: whether it is a digit, a token character, a base64 character. */
const KINDS = /* @__PURE__ */ (() => {
  const kinds = new Uint8Array(128);
  const mark = (chars: string, kind: number) => {
    for (let i = 0; i < chars.length; i++)
      kinds[chars.charCodeAt(i)] = (kinds[chars.charCodeAt(i)] ?? 0) | kind;
  };
  const alnum = `${CLASSES[0]}${CLASSES[1]}${CLASSES[2]}`;
  mark(CLASSES[0], DIGIT);
  mark(`${alnum}_-`, TOKEN | BASE64);
  mark('+/=', BASE64);
  return kinds;
})();

/** The facts of the text read last (`readFacts`): one pass, no object, for `textFactsKey`. */
let chars = 0;
let digits = 0;
let digitRun = 0;
let tokenRun = 0;
let base64Run = 0;

/** Reads `text`'s facts into the variables above, in one pass (about a nanosecond a character). */
function readFacts(text: string): void {
  chars = digits = digitRun = tokenRun = base64Run = 0;
  let inDigits = 0;
  let inToken = 0;
  let inBase64 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) {
      chars |= NON_ASCII;
      inDigits = inToken = inBase64 = 0;
      continue;
    }
    chars |= BITS[code] as number;
    const kind = KINDS[code] as number;
    if (kind & DIGIT) {
      digits++;
      if (++inDigits > digitRun) digitRun = inDigits;
    } else inDigits = 0;
    if (kind & TOKEN) {
      if (++inToken > tokenRun) tokenRun = inToken;
    } else inToken = 0;
    if (kind & BASE64) {
      if (++inBase64 > base64Run) base64Run = inBase64;
    } else inBase64 = 0;
  }
}

/** Reads `text`'s facts in one pass (about a nanosecond a character). */
export function readTextFacts(text: string): TextFacts {
  readFacts(text);
  return { chars, digits, digitRun, tokenRun, base64Run };
}

/**
 * The largest value of each count a key keeps, and its bits: no gate tells a larger one from it (the
 * highest thresholds are 13 digits, a run of 5 digits, token runs of 66, base64 runs of 47; a test asks
 * every gate at and above these). The plan of a text is a function of its key.
 */
const DIGITS_CAP = 15;
const DIGIT_RUN_CAP = 7;
const RUN_CAP = 127;
const CHARS_UNIT = 2 ** 21;

/**
 * `text`'s facts as one integer below 2^48 (the classes' bits, then the counts cut at their caps),
 * without an object: a storm's messages look up their rule plan by it (issue 11). Read back with
 * `factsOfKey`.
 */
export function textFactsKey(text: string): number {
  readFacts(text);
  return (
    chars * CHARS_UNIT +
    ((Math.min(digits, DIGITS_CAP) << 17) |
      (Math.min(digitRun, DIGIT_RUN_CAP) << 14) |
      (Math.min(tokenRun, RUN_CAP) << 7) |
      Math.min(base64Run, RUN_CAP))
  );
}

/** The facts a `textFactsKey` holds: a text's own, with each count cut at its cap. */
export function factsOfKey(key: number): TextFacts {
  const low = key % CHARS_UNIT;
  return {
    chars: (key - low) / CHARS_UNIT,
    digits: low >>> 17,
    digitRun: (low >>> 14) & DIGIT_RUN_CAP,
    tokenRun: (low >>> 7) & RUN_CAP,
    base64Run: low & RUN_CAP,
  };
}
