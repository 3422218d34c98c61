import { keyWords } from './secret-key';
import type { RedactionRule, RuleContext } from './types';

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
 * Replaces every match of one rule in `text`. `key` (the name the text is stored under) counts as
 * nearby text for keywords and tests, as its words (`cardId` → `card id`, `discardCount` →
 * `discard count`), so a keyword written with `\b` sees whole words of the name. Linear in the text
 * when the rule's pattern is: a rejected match resumes right after the groups before the secret (a
 * `word:` prefix never hides the `key=value` after it), and a redacted one after the secret.
 */
export function applyRule(
  text: string,
  rule: RedactionRule,
  pattern: RegExp,
  replacement: string,
  context: Pick<RuleContext, 'isSecretKey'> & { key: string },
): string {
  const group = rule.secretGroup ?? 0;
  let keyText: string | undefined;
  let out = '';
  let done = 0;
  let changed = false;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    let head = 0;
    for (let i = 1; i < group; i++) head += m[i]?.length ?? 0;
    const secretStart = start + head;
    keyText ??= context.key && keyWords(context.key).join(' ');
    const before = `${keyText} ${text.slice(Math.max(done, start - NEAR), start)}`;
    let end = secretStart + (m[group]?.length ?? 0);
    let ok = m[group] !== undefined && (!rule.keywords || rule.keywords.test(before));
    if (ok && rule.secretEnd) {
      end = Math.min(text.length, rule.secretEnd(text, secretStart, m, context));
      ok = end > secretStart;
    }
    if (ok && rule.test) {
      const secret = text.slice(secretStart, end);
      if (!rule.test(m, { before, isSecretKey: context.isSecretKey, secret })) {
        // A value scanned to its end and found harmless is skipped whole, so it is read once.
        pattern.lastIndex = rule.secretEnd ? Math.max(end, start + 1) : start + Math.max(1, head);
        continue;
      }
    }
    if (!ok) {
      // Resume after the key and separator (or one character on), not after the whole match.
      pattern.lastIndex = start + Math.max(1, head);
      continue;
    }
    out += text.slice(done, secretStart) + replacement;
    changed = true;
    done = end;
    pattern.lastIndex = Math.max(done, start + 1);
  }
  return changed ? out + text.slice(done) : text;
}
