import { BUDGET_SPENT, notScanned } from './work-budget';

/** Characters read past a cut, so a secret straddling the cut is seen whole before the text is cut. */
export const OVERLAP = 256;
/** At most this many more characters are dropped at a cut edge to the end of a partial token or line (base64 lines after it: all). */
export const EDGE = 4_096;

/**
 * Where a window was cut from the end of a text, what follows its first OVERLAP characters may
 * be the rest of a secret whose start (its `eyJ`, `-----BEGIN`, key name or `Bearer`) lies outside
 * the window: the rest of that line (all of the window when it is one line), then whole lines of
 * base64 (a PEM body, a JWT split across lines) and a PEM END line. Returns where to keep from.
 */
function headEdge(text: string): number {
  // The whole partial line, however long: on a line of cookies, a passphrase or a JWT, what follows
  // the first space is still the secret, without its key (break-it pass 2, L0). Frames are short lines.
  const newline = text.indexOf('\n', OVERLAP);
  const at = newline >= 0 ? newline : text.length;
  // Linear: each line starts with the newline its class excludes.
  const rest = /^(?:\r?\n[\w+/=.-]{16,}\r?(?=\n|$))*(?:\r?\n-----END[^\n]{0,40}-----)?/.exec(text.slice(at));
  return at + (rest?.[0].length ?? 0);
}

/**
 * What ends a token that may be a long secret: none of these is in base64, base64url, hex or a JWT,
 * and JSON, query strings and prose have them often (compact JSON is kept to its last field, not
 * dropped to the last space: break-it pass 2, F1).
 */
const TOKEN_END = /[\s,;&"'<>()[\]{}]/;

/** Where a window was cut from the start of a text: the cut may fall inside a token; drop it. */
function tailEdge(text: string, cut: number): number {
  let at = cut;
  const limit = Math.max(0, cut - EDGE);
  if (!TOKEN_END.test(text.charAt(cut))) while (at > limit && !TOKEN_END.test(text.charAt(at - 1))) at--;
  return at;
}

/** How many characters `a` and `b` share at their ends, counting at most `most + 1`. */
function sharedEnd(a: string, b: string, most: number): number {
  let same = 0;
  while (
    same <= most &&
    same < a.length &&
    a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)
  )
    same++;
  return same;
}

/**
 * Redacts, then cuts (issue 9): `map` sees the first `max + OVERLAP` characters (or, `fromEnd`, the
 * last ones), and only then is the text cut to at most `max` and marked with `…`. A secret shorter
 * than OVERLAP that straddles the cut is replaced whole. Where the window's own edge falls inside a
 * longer secret (a JWT, a PEM block), the partial token, line or base64 lines at that edge are
 * dropped too (up to EDGE more characters), so no part of it is kept. Work is bounded by `max`,
 * whatever the input's length. When `map` runs out of its work budget (it throws BUDGET_SPENT), the
 * text is not kept in part: it becomes `[not scanned: N chars]` (fail closed, issue 9 H1).
 */
export function clip(text: string, max: number, map: (text: string) => string, fromEnd?: boolean): string;
/** As above, with `map(window, arg)`: a hot caller passes a long-lived `map` and its data, not a closure per call (see `readOnce`). */
export function clip<A>(
  text: string,
  max: number,
  map: (text: string, arg: A) => string,
  fromEnd: boolean,
  arg: A,
): string;
export function clip<A>(
  text: string,
  max: number,
  map: (text: string, arg?: A) => string,
  fromEnd = false,
  arg?: A,
): string {
  const whole = text.length <= max + OVERLAP;
  const window = whole ? text : fromEnd ? text.slice(-(max + OVERLAP)) : text.slice(0, max + OVERLAP);
  let out: string;
  try {
    out = map(window, arg);
  } catch (failure) {
    if (failure === BUDGET_SPENT) return notScanned(text.length);
    throw failure;
  }
  if (whole && out.length <= max) return out;
  if (fromEnd) {
    const from = whole ? out.length - max : Math.max(out.length - max, headEdge(out));
    return `…${out.slice(from)}`;
  }
  if (whole) return `${out.slice(0, max)}…`;
  // Cut by `max`, inside the text the rules saw: a secret there was replaced whole, but a longer
  // one may run past the window's edge unrecognised; drop the token the cut falls in.
  const same = sharedEnd(out, window, OVERLAP);
  if (same > OVERLAP) return `${out.slice(0, tailEdge(out, Math.min(max, out.length - OVERLAP)))}…`;
  // A replacement reaches into the window's last OVERLAP characters (a long secret replaced to the
  // window's end): what it left before it was seen whole, so keep up to it (F1: not just `…`).
  return `${out.slice(0, Math.min(max, out.length - same))}…`;
}
