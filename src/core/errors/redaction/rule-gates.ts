import { alignedPairSkip } from './separated-pair-rules';
import { charMask, NON_ASCII, type TextFacts } from './text-facts';

/** Whether a rule may change a text with these facts; `false` only when it surely cannot. */
export type RuleGate = (facts: TextFacts) => boolean;

/** A gate passed by a text holding, for each string, at least one of its characters. */
const holds = (...sets: string[]): RuleGate => {
  const masks = sets.map((chars) => charMask(chars));
  return (facts) => {
    for (const mask of masks) if ((facts.chars & mask) === 0) return false;
    return true;
  };
};
/** A gate passed by a text holding a token run of `length` (and the characters, as `holds`). */
const token = (length: number, ...sets: string[]): RuleGate => {
  const chars = holds(...sets);
  return (facts) => facts.tokenRun >= length && chars(facts);
};

/** `\s`-free blanks a pattern writes as `[ \t]`. */
const BLANK = ' \t';
const QUOTE = `"'`;
const blank = holds(BLANK);
const SEPARATORS = charMask('=:%\\&') | NON_ASCII;
const upper = holds('A');
const colonToken33 = token(33, ':');

/**
 * What each default rule's pattern cannot match without, by rule id, read off the pattern (issue 11):
 * characters (`key-value` needs one of its separators `= : % \ &` or a full-width one), a count or run
 * of digits (a card number has 13), a run of token characters (`ghp_` and 30 more). Checked on the text
 * before each rule, after the rules before it changed it, in one pass (text-facts.ts), so a short plain
 * message skips most of the 68 scans. Counted only in the pattern's own classes: a non-u pattern's
 * `\w`, `\d` and `[a-z]` with `i` are ASCII only; full-width digits and separators (any code above 127)
 * pass every gate that names them. The literal words a rule needs are its triggers (rule-triggers.ts).
 * A test runs every corpus, and texts built to sit on each gate's edge, with and without them
 * (test/core/errors/redaction-gates.test.ts): a gate that is wrong is a leak.
 */
export const RULE_GATES: Readonly<Record<string, RuleGate>> = {
  'private-key': holds('-'),
  'url-credentials': holds(':'),
  // `key=value` or `key%3Dvalue`
  'query-credential': holds('=%'),
  'path-credential': holds('/'),
  // `eyJ` and five more, then a dot
  jwe: token(8, '.'),
  jwt: token(8, '.'),
  'base64-json': (facts) => facts.base64Run >= 11,
  'aws-secret-access-key': (facts) => facts.base64Run >= 40,
  'aws-access-key-id': token(20, 'A'),
  'github-token': token(33, '_'),
  'gitlab-token': token(26, '-'),
  'slack-token': token(15, '-'),
  'slack-webhook-url': holds('.', '/'),
  'stripe-key': token(18, '_'),
  'google-api-key': token(39),
  // `ya29.` then 20
  'google-oauth': token(20),
  'openai-key': token(23, '-'),
  'npm-token': token(40, '_'),
  'sendgrid-key': token(43, '.'),
  // The shortest token run is Mapbox's `sk.eyJ` part (13); Sentry's `sntrys_` is followed by 40 base64.
  'vendor-token': (facts) => facts.tokenRun >= 13 || facts.base64Run >= 47,
  'hex-private-key': token(64),
  'webhook-url': holds('.', '/'),
  'telegram-bot-token': (facts) => facts.digitRun >= 5 && colonToken33(facts),
  'twilio-auth-token': token(34),
  'age-secret-key': token(66),
  'putty-private-key': holds(':', '-'),
  // The shortest token run is PlanetScale's `pscale_pw_` (10); Grafana's `glc_` is followed by 32 base64.
  'vendor-prefixed-token': (facts) => facts.tokenRun >= 10 || facts.base64Run >= 36,
  'azure-ad-client-secret': holds('~', '0'),
  'vendor-keyword-secret': holds('-'),
  'cookie-header': holds(':'),
  // `=`, `:`, `%3D`/`%3A`, `\u003d`/`\x3a`, `&#61;`/`&equals;`, or a full-width `＝`/`：`
  'key-value': (facts) => (facts.chars & SEPARATORS) !== 0,
  'xml-element': holds('<', '>', '/'),
  'escaped-xml-element': holds('&'),
  'form-field-value': holds('<', '='),
  'cli-secret-flag': holds('-'),
  'mysql-password-flag': holds('-'),
  'cli-user-password': holds('-', ':'),
  'sql-password': holds(QUOTE),
  'prose-secret': holds(BLANK),
  'secret-call': holds('(', `${QUOTE}\``),
  // `cvv 123`: three digits after a blank
  'numeric-secret': (facts) => facts.digitRun >= 3 && blank(facts),
  'email-password-pair': holds('@', ':'),
  'user-password-at-host': holds('@', ':'),
  'db-key-detail': holds('(', '='),
  'db-failing-row': holds('('),
  'db-value-for-key': holds("'"),
  'with-value': holds(`${QUOTE}\``),
  'value-at-path': holds('"'),
  'enum-value-at-path': holds('`'),
  'path-value': holds('`'),
  'node-received': holds('.'),
  'yup-final-value': holds('`'),
  'spring-rejected-value': holds("'", '['),
  'aspnet-not-valid-for': holds("'"),
  'pydantic-input-value': holds('\n', '[', '='),
  'sibling-field-value': holds(`:=${QUOTE}`),
  'tab-separated-pair': holds('\t\\'),
  // At the text's start too: only its letters and blanks are certain
  'aligned-pair': holds(' ', 'Aa_'),
  'spaced-password': holds(BLANK),
  'sql-insert-secret-column': holds('(,['),
  // `@`, `%40` or `\u0040`
  email: holds('@%\\'),
  // 13 digits, ASCII or full-width
  'card-number': (facts) => facts.digits >= 13 || (facts.chars & NON_ASCII) !== 0,
  iban: (facts) => facts.digitRun >= 2,
  phone: (facts) => facts.digits >= 8,
  'us-ssn': (facts) => facts.digits >= 9,
  'uk-ni-number': (facts) => facts.digits >= 6 && upper(facts),
};

/**
 * A rule's exact answer on a text without running its pattern: the work budget the rule would take when
 * it surely changes nothing (its scan aside, charged by the caller), `undefined` when it must run.
 */
export type RuleSkip = (text: string, isSecretKey: (key: string) => boolean) => number | undefined;

/**
 * The default rules a plain one-line message still runs after the gates and triggers, answered without
 * their pattern (issue 11). Like the gates, only for the default rules, and tested against the rules.
 */
export const RULE_SKIPS: Readonly<Record<string, RuleSkip>> = {
  'aligned-pair': alignedPairSkip,
};
