import { keyWords } from './secret-key';
import type { RedactionRule, RuleContext } from './types';
import { MATCH_CHAR_COST, MATCH_COST, type WorkBudget } from './work-budget';

/** How far before a match its keywords are looked for. */
const NEAR = 40;

/**
 * The rule's pattern as a global RegExp (a copy, so two redactors never share `lastIndex`). A sticky
 * `y` flag is dropped: with it a pattern only matches where the last match ended, so a rule like
 * `/INT-\d{6}/y` never matched inside text (issue 9, L15).
 */
export const globalPattern = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}g`);

/**
 * What a rule's `test` sees. `before` is built only when read (most tests look at the secret alone),
 * and from a class so that a match allocates no closure: a 20,000-character value can hold thousands
 * of `key=value` matches.
 */
class MatchContext implements RuleContext {
  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly done: number,
    private readonly keyText: string,
    readonly isSecretKey: RuleContext['isSecretKey'],
    readonly secret: string,
    readonly replacement: string,
  ) {}
  get before(): string {
    return nearby(this.keyText, this.text, this.start, this.done);
  }

  /**
   * One instance for as long as the class lives: the instances' hidden class is held only by them (and
   * weakly by its transition), so a major GC between captures freed it and discarded the optimized
   * `applyRule` and scan built on it, which then ran unoptimized for hundreds of calls (issue 11).
   */
  static readonly keepShape = new MatchContext('', 0, 0, '', () => false, '', '');
}

/** The key's words, then the NEAR characters before `start` (not before `done`, the last replacement). */
function nearby(keyText: string, text: string, start: number, done: number): string {
  return `${keyText} ${text.slice(Math.max(done, start - NEAR), start)}`;
}

/**
 * Replaces every match of one rule in `text`. `key` (the name the text is stored under) counts as
 * nearby text for keywords and tests, as its words (`cardId` → `card id`, `discardCount` →
 * `discard count`), so a keyword written with `\b` sees whole words of the name. Linear in the text
 * when the rule's pattern is: a rejected match resumes right after its first group (a `word:` prefix
 * never hides the `key=value` after it), and a redacted one after the secret.
 */
export function applyRule(
  text: string,
  rule: RedactionRule,
  pattern: RegExp,
  replacement: string,
  context: Pick<RuleContext, 'isSecretKey'> & { key: string; budget?: WorkBudget },
): string {
  // The scan itself (the text's length) is charged by the caller, for skipped rules too (redact.ts).
  const { budget } = context;
  const group = rule.secretGroup ?? 0;
  let keyText: string | undefined;
  let out = '';
  let done = 0;
  let changed = false;
  // One object per scan, so a rule's `secretEnd` can keep what it read of this text (types.ts).
  const scan: Pick<RuleContext, 'isSecretKey' | 'replacement'> = {
    isSecretKey: context.isSecretKey,
    replacement,
  };
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    let secretStart = start;
    for (let i = 1; i < group; i++) secretStart += m[i]?.length ?? 0;
    // Built only for rules that look at it: a rule with `secretEnd` usually rejects by key first.
    if ((rule.keywords || rule.test) && keyText === undefined)
      keyText = context.key && keyWords(context.key).join(' ');
    let end = secretStart + (m[group]?.length ?? 0);
    // What the candidate's checks read: the match, the text before it, a value scanned to its end (H1).
    budget?.take(MATCH_COST + MATCH_CHAR_COST * m[0].length);
    let ok =
      m[group] !== undefined &&
      (!rule.keywords || rule.keywords.test(nearby(keyText ?? '', text, start, done)));
    if (ok && rule.secretEnd) {
      end = Math.min(text.length, rule.secretEnd(text, secretStart, m, scan));
      budget?.take(MATCH_CHAR_COST * Math.max(0, end - secretStart));
      ok = end > secretStart;
    }
    if (ok && rule.test) {
      const secret = text.slice(secretStart, end);
      ok = rule.test(
        m,
        new MatchContext(text, start, done, keyText ?? '', context.isSecretKey, secret, replacement),
      );
      // A value scanned to its end and found harmless is skipped whole, so it is read once.
      if (!ok && rule.secretEnd) {
        pattern.lastIndex = Math.max(end, start + 1);
        continue;
      }
    }
    if (!ok) {
      // Resume after the first group (the key), not after the whole match: in `failed: "api_key": …`
      // the rejected `failed: "` must not hide the quoted key after it.
      pattern.lastIndex = start + Math.max(1, group > 1 ? (m[1]?.length ?? 0) : 0);
      continue;
    }
    out += text.slice(done, secretStart) + replacement;
    changed = true;
    done = end;
    pattern.lastIndex = Math.max(done, start + 1);
  }
  return changed ? out + text.slice(done) : text;
}

/**
 * Whether `lower` (the text, lower-cased once for all rules) may hold a match of `rule`: it holds one
 * of the rule's triggers, or the rule has none. Skipping a rule costs one substring search per trigger,
 * not a regex scan (gitleaks' keyword prefilter). Not charged to the work budget: the caller charges
 * the skipped rule's scan instead, so the prefilter never changes what a budget lets through.
 */
export function mayMatch(rule: Pick<RedactionRule, 'triggers'>, lower: string): boolean {
  const { triggers } = rule;
  if (!triggers) return true;
  // A loop, not `some`: no callback per rule per text on the path of every short message (issue 11).
  for (let i = 0; i < triggers.length; i++) if (lower.includes(triggers[i] as string)) return true;
  return false;
}

/** The rules a text's facts let through (indexes, in order), and one search for all their triggers. */
export interface Plan {
  rules: readonly number[];
  /** Matches a lower-cased text holding any trigger of these rules; `undefined` when none has any. */
  anyTrigger: RegExp | undefined;
}

/** `triggerSource` answers by triggers list: the default rules' lists are shared by every redactor. */
const sourcesOf = /* @__PURE__ */ new WeakMap<readonly string[], string>();

/**
 * A rule's triggers as RegExp alternatives for `anyOf` (`eyj|api`), lower-cased and their RegExp
 * characters escaped. Worked out once per list.
 */
export const triggerSource = (triggers: readonly string[]): string => {
  let source = sourcesOf.get(triggers);
  if (source === undefined) {
    source = triggers
      .map((trigger) => trigger.toLowerCase().replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))
      .join('|');
    sourcesOf.set(triggers, source);
  }
  return source;
};

/** Trigger searches made, by source: shared by every redactor (no `g` flag, so no state), bounded. */
const searches = /* @__PURE__ */ new Map<string, RegExp>();
const MAX_SEARCHES = 256;

/**
 * One RegExp that finds any trigger of these rules (each rule's `triggerSource`, of its lower-cased
 * triggers) in the lower-cased text: it matches exactly when some `includes` would, at a third of the cost
 * of 17 searches (issue 11). `undefined` for no rule. Made once per set of rules, not per redactor and
 * plan: compiling it cost more than the searches it saves on a redactor's first texts.
 */
export const anyOf = (sources: readonly string[]): RegExp | undefined => {
  if (sources.length === 0) return undefined;
  const source = sources.join('|');
  let search = searches.get(source);
  if (search === undefined) {
    search = new RegExp(source);
    // Oldest out first: a Map iterates in insertion order.
    if (searches.size >= MAX_SEARCHES) searches.delete(searches.keys().next().value as string);
    searches.set(source, search);
  }
  return search;
};
