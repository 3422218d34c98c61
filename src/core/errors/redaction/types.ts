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
   * The shape. Made global when it is not. Keep it linear: start matches at word starts (a
   * lookbehind) and avoid nested quantifiers, so a 10 MB string cannot stall the page.
   */
  pattern: RegExp;
  /**
   * Which capture group is the secret (the rest of the match is kept), like gitleaks' `secretGroup`.
   * The groups before it must cover the match from its start: a rejected match resumes after them.
   * @default 0 (the whole match)
   */
  secretGroup?: number;
  /** Words that must appear in the 40 characters before the match (or in the key it is stored under). */
  keywords?: RegExp;
  /** Checksum, entropy or shape test on the match; only a match that passes is redacted. @default always */
  test?: (match: RegExpExecArray, context: RuleContext) => boolean;
}

/** What a rule's `test` may look at besides the match. */
export interface RuleContext {
  /** The 40 characters before the match, after the key the value is stored under (if any). */
  before: string;
  /** The redactor's key-name decision (default names, plus `keys`, minus `allowKeys`). */
  isSecretKey: (key: string) => boolean;
}
