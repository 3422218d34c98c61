/**
 * One redaction rule, as data (after gitleaks' rules and Sentry relay-pii's rule types): what it
 * matches, which words must be near for the match to count, and a checksum or shape test that
 * keeps look-alikes (order ids, timestamps, versions) out.
 */
export interface RedactionRule {
  /** Stable id, e.g. `card-number`; named in tests and in the README's rule table. */
  id: string;
  /** What it finds, for people reading it (the default rules say it in a comment: bytes, issue 9). @default undefined */
  description?: string;
  /**
   * The shape. Made global when it is not (a sticky `y` flag is dropped, since it would only match at
   * the start). Keep it linear: start matches at word starts (a lookbehind) and avoid nested
   * quantifiers, so a 10 MB string cannot stall the page.
   */
  pattern: RegExp;
  /**
   * Which capture group is the secret (the rest of the match is kept), like gitleaks' `secretGroup`.
   * The groups before it must cover the match from its start, none nested in another; a rejected
   * match resumes after the first of them (the key), so keep that group bounded.
   * @default 0 (the whole match)
   */
  secretGroup?: number;
  /** Words that must appear in the 40 characters before the match (or in the key it is stored under). */
  keywords?: RegExp;
  /**
   * Cheap literal strings, one of which every match contains (case-insensitive), like gitleaks'
   * `keywords`: a text holding none of them skips the rule's pattern entirely. Give them only when
   * the pattern cannot match without one (`eyJ` for a JWT, `://` for URL credentials); a wrong list
   * lets secrets through. @default undefined (the pattern always runs)
   */
  triggers?: readonly string[];
  /**
   * Where the secret ends, for values a linear pattern cannot delimit (a `key: value` value runs to
   * the end of the line, a quoted one to its closing quote): gets the text, the index where the
   * secret group starts, the match and the key-name decision; returns the index just past the
   * secret, or `start` when there is none (the match is then rejected and the scan resumes after the
   * groups before the secret). The pattern only has to find the start (the secret group may be
   * empty). A match that `test` rejects after this resumes past the secret too, so work stays linear:
   * `test` must then only reject text that holds no other secret (a plain-word reason). `context`
   * is one object per scan of one text, so a rule may keep what it read there (in a WeakMap keyed
   * by it) and not read it again for the next match.
   * @default the end of the secret group
   */
  secretEnd?: (
    text: string,
    start: number,
    match: RegExpExecArray,
    context: Pick<RuleContext, 'isSecretKey' | 'replacement'>,
  ) => number;
  /** Checksum, entropy or shape test on the match; only a match that passes is redacted. @default always */
  test?: (match: RegExpExecArray, context: RuleContext) => boolean;
}

/** What a rule's `test` may look at besides the match. */
export interface RuleContext {
  /** The 40 characters before the match, after the key the value is stored under (if any). */
  before: string;
  /** The redactor's key-name decision (default names, plus `keys`, minus `allowKeys`). */
  isSecretKey: (key: string) => boolean;
  /** The text that would be replaced (the secret group, or up to `secretEnd`). */
  secret: string;
  /** The redactor's `replacement`: text an earlier rule already put there (`api_key=[REDACTED] card …`). */
  replacement: string;
}
