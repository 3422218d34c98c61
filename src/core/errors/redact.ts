import { anyOf, applyRule, globalPattern, mayMatch, type Plan, triggerSource } from './redaction/apply-rules';
import { clip } from './redaction/clip';
import { harmlessField } from './redaction/harmless-field';
import { defaultRedactionRules } from './redaction/default-rules';
import { isSettingValue } from './redaction/named-not-secret';
import { listed } from './redaction/key-list';
import { readRedactOptions } from './redaction/read-redact-options';
import { RULE_GATES, RULE_SKIPS, type RuleGate, type RuleSkip } from './redaction/rule-gates';
import { factsOfKey, textFactsKey } from './redaction/text-facts';
import { isSecretKeyName } from './redaction/secret-key';
import type { RedactionRule } from './redaction/types';
import { BUDGET_SPENT, DEFAULT_WORK_BUDGET, notScanned, WorkBudget } from './redaction/work-budget';
import { toJsonSafe, type JsonSafeLimits, type JsonSafeOptions } from './to-json-safe';
import type { JsonValue } from './types';

/** Options for {@link createRedactor}. */
export interface RedactOptions {
  /**
   * Extra secret key names: a string matches case-insensitively in any script, ignoring `-`, `_`, `.`
   * and spaces (in Chinese, Japanese or Thai also as a name's end: `密码` names `用户密码`); a RegExp is
   * tested on the name as written, without its `g`/`y` flags. Names in text are found too (`пароль=…`).
   * Throws a `TypeError` for any other entry. @default []
   */
  keys?: readonly (string | RegExp)[];
  /** Extra value patterns, replaced wherever they appear in a string. @default [] */
  patterns?: readonly RegExp[];
  /**
   * Extra rules (id, pattern, keywords, test), applied after the defaults; `keywords` lose `g`/`y`. A
   * `test` or `secretEnd` that throws fails closed for that text (the candidate is redacted) and is
   * reported once with `console.warn` in development. Throws a `TypeError` for a rule without a RegExp
   * `pattern`. @default []
   */
  rules?: readonly RedactionRule[];
  /** Key names that are never redacted by name (their values are still scanned for patterns); matched as `keys` but whole names only. @default [] */
  allowKeys?: readonly (string | RegExp)[];
  /** Text put in place of a secret. @default '[REDACTED]' */
  replacement?: string;
  /** Depth, string length and entry limits of the copy, read once when the redactor is made. @default toJsonSafe's limits */
  limits?: JsonSafeLimits;
  /**
   * Work one call may do, in units of about one character read by one rule (a candidate match costs
   * 1,000 more): about 10 ms on the costliest text, see `DEFAULT_WORK_BUDGET`. Once spent, every string
   * not yet scanned (a key, a long number too) becomes `[not scanned: N chars]`: nothing leaves
   * unscanned. `Infinity` for no budget. @default 4,000,000
   */
  workBudget?: number;
  /**
   * Skip a rule's pattern on a text holding none of its `triggers` (gitleaks' keyword prefilter), and a
   * default rule's on a text without the characters or runs its pattern needs (rule-gates.ts). The
   * output is the same either way (tested over the corpora); `false` is for measuring it. @default true
   */
  prefilter?: boolean;
}

/** Copies a value into JSON with secrets removed; `redactString` cleans a single string. */
export interface Redactor {
  (value: unknown): JsonValue;
  /**
   * Removes secrets from a string; at most `maxLength` characters are kept (redacted before the cut).
   * `key`, the name the text is stored under, counts as nearby text for the rules (a card word).
   * Total, for callers with `any` data: `null` and `undefined` give `''`; any other non-string is first
   * copied as the redactor copies it (bounded: a huge BigInt is described, an object walked with its
   * limits, a throwing `toString` never called), then its JSON text is redacted. Never throws.
   * @default maxLength 20,000; key ''
   */
  redactString: (value: unknown, maxLength?: number, key?: string) => string;
  /** Whether a value stored under this key name is a secret by its name alone. */
  isSecretKey: (key: string) => boolean;
  /**
   * Runs `run` as one call of this redactor: every redaction inside it shares one work budget
   * (`workBudget`), as a copy's strings do. `capture` redacts an error's message, stack, code and
   * fields this way, so the whole error is bounded, not each of its 2,500 field messages. Nested
   * calls join the outer one. Returns what `run` returns; throws what it throws.
   */
  asOneCall: <T>(run: () => T) => T;
}

/** The `asOneCall`s `createRedactor` made: they pass `run` the arguments given after it (see `inOneCall`). */
const passingArguments = new WeakSet();

/**
 * `redactor.asOneCall` of `run(a, b, c)`, without a closure per call when the redactor is one
 * `createRedactor` made: V8 keeps a closure's optimized code only while a closure of it lives, so a
 * callback made per capture ran unoptimized again after every major GC (issue 11). A redactor made
 * by hand gets the closure its `asOneCall` expects.
 */
export function inOneCall<T, A>(redactor: Redactor, run: (a: A) => T, a: A): T;
export function inOneCall<T, A, B>(redactor: Redactor, run: (a: A, b: B) => T, a: A, b: B): T;
export function inOneCall<T, A, B, C>(redactor: Redactor, run: (a: A, b: B, c: C) => T, a: A, b: B, c: C): T;
export function inOneCall<T, A, B, C>(
  redactor: Redactor,
  run: (a?: A, b?: B, c?: C) => T,
  a?: A,
  b?: B,
  c?: C,
): T {
  // Called as a method, as before: a hand-made `asOneCall` may use `this` (findings-11f F5).
  if (!passingArguments.has(redactor.asOneCall)) return redactor.asOneCall(() => run(a, b, c));
  const withArguments: AsOneCallWithArguments = redactor.asOneCall;
  return withArguments(run, a, b, c);
}

/** `asOneCall` as `createRedactor` makes it: `run(a, b, c)` with the arguments given. */
type AsOneCallWithArguments = <T, A, B, C>(run: (a?: A, b?: B, c?: C) => T, a?: A, b?: B, c?: C) => T;

const DEFAULT_REPLACEMENT = '[REDACTED]';
/** `redactString` keeps at most this many characters unless told otherwise: bounded work per call. */
const MAX_STRING = 20_000;

/**
 * The largest number kept under a secret key name, so counts stay (`{ pass: 10, fail: 2 }`): secrets
 * that are numbers (PINs, CVVs, OTPs) have at least 3 digits. Decision for issue 9 (B8).
 */
const MAX_COUNT = 99;

/** Key-name decisions remembered per redactor. */
const MAX_KNOWN_KEYS = 1000;
/** Rule plans remembered per redactor, one per distinct set of text facts (see `planOf`). */
const MAX_PLANS = 256;

/**
 * Creates a redactor. Every string, number and key is scanned with the rules (see
 * `defaultRedactionRules`): values under secret key names (whole words: `accessToken` but not
 * `maxTokens`), `key=value` / `key: value` text, vendor token prefixes, JWTs, bearer credentials,
 * cookies, URL credentials, emails, card numbers (Luhn and a card context), IBANs (mod 97), phone
 * numbers and US SSNs. Text is redacted before it is cut. A name counts with its parent's
 * (`{ card: { number } }` is a card number, `{ session: { id } }` a session id), and the parent's
 * name is nearby text for the values under it. Under a secret name every string and number is
 * replaced, down the whole subtree, except what tells "missing" from "set": `null`, absent keys, `''`,
 * booleans and integers from -99 to 99 (counts), and harmless facts, scanned like any value
 * (`expiresAt`, `method`, `type`: see `harmlessField`). Works on nested, cyclic, frozen and hostile
 * objects, arrays, Errors from any realm, Maps, Sets, `Headers` and `URLSearchParams`, with the bounds
 * of {@link toJsonSafe} (50 entries, 500 values, 2,000 characters, 100 ms of the value's own code) and
 * a work budget per call (`workBudget`: once spent, what is left becomes `[not scanned: N chars]`).
 * Never throws; returns a JSON-safe copy.
 *
 * @example
 * const redact = createRedactor({ keys: ['ssnLast4'], allowKeys: ['tokenCount'] });
 * redact({ password: 'hunter2', tokenCount: 3 }); // { password: '[REDACTED]', tokenCount: 3 }
 */
export function createRedactor(given: RedactOptions = {}): Redactor {
  // Read once: key lists by name in any script, RegExps without g/y, app rules isolated (break-it pass 3).
  const options = readRedactOptions(given);
  const replacement = options.replacement ?? DEFAULT_REPLACEMENT;
  const rules: RedactionRule[] = [
    ...defaultRedactionRules,
    ...(options.rules ?? []),
    ...(options.patterns ?? []).map((pattern, i) => ({ id: `pattern-${i}`, pattern })),
  ];
  const patterns = rules.map((rule) => globalPattern(rule.pattern));
  // Triggers lower-cased once; each text is lower-cased once and searched for them (apply-rules.ts `mayMatch`).
  const triggers = rules.map((rule) =>
    options.prefilter === false || !rule.triggers
      ? {}
      : { triggers: rule.triggers.map((t) => t.toLowerCase()) },
  );
  // Only the default rules have gates (an app rule reusing a default id is not gated).
  const gates = rules.map((rule, i): RuleGate | undefined =>
    options.prefilter === false || i >= defaultRedactionRules.length ? undefined : RULE_GATES[rule.id],
  );
  // And the default rules answered without their pattern on a text that cannot change (rule-gates.ts).
  const skips = rules.map((rule, i): RuleSkip | undefined =>
    options.prefilter === false || i >= defaultRedactionRules.length ? undefined : RULE_SKIPS[rule.id],
  );
  const workBudget = options.workBudget ?? DEFAULT_WORK_BUDGET;
  /** The budget of the call running now (JavaScript runs one at a time); nested calls share it. */
  let active: WorkBudget | undefined;
  // One object refilled per call, not one per call: when a major GC found no budget alive it freed their
  // hidden class and discarded the optimized scan, which ran unoptimized after every full GC (issue 11).
  const budget = new WorkBudget(workBudget);
  const asOneCall: AsOneCallWithArguments = (run, a, b, c) => {
    if (active) return run(a, b, c);
    budget.refill(workBudget);
    active = budget;
    try {
      return run(a, b, c);
    } finally {
      active = undefined;
    }
  };
  passingArguments.add(asOneCall);
  // Decisions per key name are remembered: text like `a=1&a=2&…` asks about the same key thousands of times.
  const known = new Map<string, boolean>();
  /** The name rules and `keys`, remembered per name (`allowKeys` is checked apart: it wins over a path). */
  const secretName = (key: string): boolean => {
    let secret = known.get(key);
    if (secret === undefined) {
      secret = isSecretKeyName(key) || listed(options.keys, key);
      if (known.size < MAX_KNOWN_KEYS) known.set(key, secret);
    }
    return secret;
  };
  const isSecretKey = (key: string): boolean => !listed(options.allowKeys, key) && secretName(key);

  // The rules whose gates a text's facts pass (rules without a gate always), by the facts: a memo of the
  // gates, pure functions of the facts. Asking 68 gates in turn was most of redacting a short message
  // (issue 11); a storm's messages share a handful of facts.
  const gated = gates.some((gate) => gate !== undefined);
  // Each rule's triggers as RegExp alternatives, for one search per plan (`anyOf`); none for a rule
  // without triggers (an empty list never matches, so it adds nothing to a search).
  const sources = rules.map((rule) =>
    options.prefilter === false || !rule.triggers?.length ? undefined : triggerSource(rule.triggers),
  );
  /** The plan of a text: the rules it passes the gates of, and one search for all their triggers. */
  const planFor = (indexes: readonly number[]): Plan => ({
    rules: indexes,
    anyTrigger: anyOf(indexes.flatMap((i) => sources[i] ?? [])),
  });
  const indexes = rules.map((_, i) => i);
  const everyRule = gated ? undefined : planFor(indexes);
  // By the facts' key, a number: a string id built from five numbers per text cost more than the gates saved.
  const plans = new Map<number, Plan>();
  const planOf = (text: string): Plan => {
    if (everyRule) return everyRule;
    const key = textFactsKey(text);
    let plan = plans.get(key);
    if (plan === undefined) {
      const facts = factsOfKey(key);
      plan = planFor(indexes.filter((i) => gates[i]?.(facts) ?? true));
      // Oldest out first: a Map iterates in insertion order.
      if (plans.size >= MAX_PLANS) plans.delete(plans.keys().next().value as number);
      plans.set(key, plan);
    }
    return plan;
  };

  /** Applies every rule; throws BUDGET_SPENT when the call's budget runs out (`clip` fails closed on it). */
  const scan = (text: string, key = ''): string => {
    const budget = active;
    if (budget?.spent) throw BUDGET_SPENT;
    let out = text;
    // The text the triggered rules will scan, lower-cased once; again only after a rule changed it.
    let lowered = '';
    let lower = '';
    const context = { key, isSecretKey, budget };
    // The rules whose gates the text passes, planned again after a rule changed it.
    let plan = planOf(out);
    let step = 0;
    // Whether the lower-cased text holds a trigger of any rule of the plan: when it holds none (a plain
    // message), its triggered rules are skipped after one search, not one per trigger (issue 11). Asked
    // again when the text changed, and with it the plan (a function of the text).
    let triggered: boolean | undefined;
    // Every rule is charged its scan, run or skipped: a rule the prefilter skips would have found no match,
    // so it would have cost just that. The rules skipped before one that runs are charged with it, as one
    // take: the text is the same for all of them, so the budget runs out where and when it would have rule
    // by rule. The prefilter's own reads (facts, lower case, trigger searches) are not charged, so a budget
    // gives the same output with and without it (issue 11, findings-11 G1–G3).
    for (let next = 0; next < rules.length;) {
      const planned = plan.rules;
      while (step < planned.length && (planned[step] as number) < next) step++;
      const i = step < planned.length ? (planned[step] as number) : rules.length;
      budget?.take(out.length * (Math.min(i + 1, rules.length) - next));
      next = i + 1;
      if (i >= rules.length) break;
      const trigger = triggers[i] as Pick<RedactionRule, 'triggers'>;
      if (trigger.triggers) {
        if (lowered !== out) {
          lower = out.toLowerCase();
          lowered = out;
          triggered = undefined;
        }
        triggered ??= plan.anyTrigger?.test(lower) ?? false;
        if (!triggered || !mayMatch(trigger, lower)) continue;
      }
      // The work the rule would have done on its candidates is charged as if it ran (G1–G3).
      const skipped = skips[i]?.(out, isSecretKey);
      if (skipped !== undefined) {
        if (skipped > 0) budget?.take(skipped);
        continue;
      }
      const before = out;
      out = applyRule(out, rules[i] as RedactionRule, patterns[i] as RegExp, replacement, context);
      if (out !== before) {
        plan = planOf(out);
        step = 0;
      }
    }
    return out;
  };
  /** The key of the `redactString` call running now, for `scanWindow`: set just before `clip` calls it. */
  let windowKey = '';
  const scanWindow = (window: string): string => scan(window, windowKey);
  // No closure per call inside a call already (`capture` redacts a message so, issue 11).
  const redactString = (value: unknown, maxLength = MAX_STRING, key = ''): string => {
    if (!active) return asOneCall(redactString, value, maxLength, key);
    const text = textOf(value);
    windowKey = key;
    return clip(text, maxLength, scanWindow);
  };

  /** A long integer is scanned as text with its key in front: `{ card: 4539148803436467 }`. */
  const redactNumber = (value: number | bigint, key: string, secret: boolean): JsonValue => {
    const text = String(value);
    const kept = typeof value === 'number' ? value : `${text}n`;
    // Under a secret name only a count is kept (`{ pass: 10 }`, `{ otp: 0 }`): a PIN, a CVV or an OTP has 3 or more digits (issue 9).
    if (secret)
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COUNT
        ? value
        : replacement;
    if (!/^\d{7,}$/.test(text)) return kept;
    try {
      return scan(text, key) === text ? kept : replacement;
    } catch (failure) {
      // Not scanned (the call's budget is spent): a long number may be a card, so it does not leave.
      if (failure === BUDGET_SPENT) return notScanned(text.length);
      throw failure;
    }
  };

  /** A non-string for `redactString` (issue 9, F8): its bounded JSON-safe copy as text, `''` for nothing. */
  const textOf = (value: unknown): string => {
    if (typeof value === 'string') return value;
    if (value == null) return '';
    const copy = redactor(value);
    return typeof copy === 'string' ? copy : JSON.stringify(copy);
  };

  // Made once per redactor, not per call: see `asOneCall`'s arguments.
  const copyOptions: JsonSafeOptions = {
    ...options.limits,
    // Under a secret name, what tells "missing" from "set" stays: '' (and null, booleans, absent keys, which never reach here).
    mapString: (text, key, secret) =>
      secret ? (text && !isSettingValue(key, text) ? replacement : text) : scan(text, key),
    mapNumber: redactNumber,
    // By its own name, or by its parent's and its own together (`card.number`, `session.id`); an
    // allowed name is never secret by name. Under a secret parent a harmless field (`expiresAt`,
    // `method`) is scanned like any value, not wiped (break-it pass 2, F4; harmless-field.ts).
    isSecret: (name, path, inherited) =>
      !listed(options.allowKeys, name) &&
      (secretName(name) || secretName(path) || (inherited && !harmlessField(name))),
  };
  const redactor = (value: unknown): JsonValue => asOneCall(toJsonSafe, value, copyOptions);
  return Object.assign(redactor, { redactString, isSecretKey, asOneCall });
}

/** The redactor with the default rules (internal: `redact` and `redactString` are its public face). */
export const defaultRedactor = /* @__PURE__ */ createRedactor();

/**
 * Removes secrets from any value with the default rules. Returns a JSON-safe copy.
 *
 * @example
 * redact({ headers: { Authorization: 'Bearer abc' }, email: 'ada@example.com' });
 * // { headers: { Authorization: '[REDACTED]' }, email: '[REDACTED]' }
 */
export function redact(value: unknown): JsonValue {
  return defaultRedactor(value);
}

/**
 * Removes secrets from a string with the default rules. At most `maxLength` characters are kept
 * (the text is redacted before it is cut). Never throws: `null`/`undefined` give `''`, any other
 * non-string is converted as `redact` copies it (bounded), then redacted as text. @default maxLength 20,000
 */
export function redactString(value: unknown, maxLength?: number): string {
  return defaultRedactor.redactString(value, maxLength);
}
