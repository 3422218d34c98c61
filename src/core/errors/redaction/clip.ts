/** Characters read past a cut, so a secret straddling the cut is seen whole before the text is cut. */
export const OVERLAP = 256;

/**
 * Redacts, then cuts (issue 9): `map` sees the first `max + OVERLAP` characters (or, `fromEnd`, the
 * last ones), and only then is the text cut to `max` and marked with `…`. A secret shorter than
 * OVERLAP that straddles the cut is replaced whole; one cut by the window's own edge is dropped with
 * the overlap. Work is bounded by `max`, whatever the input's length.
 */
export function clip(text: string, max: number, map: (text: string) => string, fromEnd = false): string {
  const whole = text.length <= max + OVERLAP;
  const out = map(whole ? text : fromEnd ? text.slice(-(max + OVERLAP)) : text.slice(0, max + OVERLAP));
  if (whole && out.length <= max) return out;
  // Where the window was cut, its edge may hold part of a secret: drop the overlap there.
  const keep = Math.min(max, whole ? out.length : Math.max(0, out.length - OVERLAP));
  return fromEnd ? `…${out.slice(out.length - keep)}` : `${out.slice(0, keep)}…`;
}
