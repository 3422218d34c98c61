import type { RedactionRule, RuleContext } from './types';

/** How far before a match its keywords are looked for. */
const NEAR = 40;

/** The rule's pattern as a global RegExp (a copy, so two redactors never share `lastIndex`). */
export const globalPattern = (pattern: RegExp): RegExp =>
  new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);

/**
 * Replaces every match of one rule in `text`. `key` (the name the text is stored under) counts as
 * nearby text for keywords and tests. Linear in the text when the rule's pattern is: a rejected
 * match resumes right after the groups before the secret (a `word:` prefix never hides the
 * `key=value` after it).
 */
export function applyRule(
  text: string,
  rule: RedactionRule,
  pattern: RegExp,
  replacement: string,
  context: Omit<RuleContext, 'before'> & { key: string },
): string {
  const group = rule.secretGroup ?? 0;
  let out = '';
  let done = 0;
  let changed = false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    let head = 0;
    for (let i = 1; i < group; i++) head += m[i]?.length ?? 0;
    const before = `${context.key} ${text.slice(Math.max(done, start - NEAR), start)}`;
    const ok =
      (!rule.keywords || rule.keywords.test(before)) &&
      (!rule.test || rule.test(m, { before, isSecretKey: context.isSecretKey }));
    if (!ok || m[group] === undefined) {
      // Resume after the key and separator (or one character on), not after the whole match.
      pattern.lastIndex = start + Math.max(1, head);
      continue;
    }
    const secretStart = start + head;
    out += text.slice(done, secretStart) + replacement;
    changed = true;
    done = secretStart + m[group].length;
    pattern.lastIndex = Math.max(done, start + 1);
  }
  return changed ? out + text.slice(done) : text;
}
