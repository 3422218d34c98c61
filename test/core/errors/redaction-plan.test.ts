import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { benignStrings, keyValueBenign } from './corpus/benign';
import { plantedSecrets } from './corpus/secrets';
import { applyRule, globalPattern, mayMatch } from '../../../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../../../src/core/errors/redaction/default-rules';
import { RULE_GATES } from '../../../src/core/errors/redaction/rule-gates';
import { isSecretKeyName } from '../../../src/core/errors/redaction/secret-key';
import { readTextFacts } from '../../../src/core/errors/redaction/text-facts';
import { BUDGET_SPENT, notScanned, WorkBudget } from '../../../src/core/errors/redaction/work-budget';

/**
 * The default redactor's `redactString` of a short text as it was before plans (issue 11): each rule
 * charged the text's length, then its gate asked with the text's facts, then its triggers searched.
 */
const ruleByRule = (text: string, workBudget: number): string => {
  const budget = new WorkBudget(workBudget);
  let out = text;
  try {
    for (const rule of defaultRedactionRules) {
      budget.take(out.length);
      const gate = RULE_GATES[rule.id];
      if (gate && !gate(readTextFacts(out))) continue;
      const lowered = { triggers: rule.triggers?.map((t) => t.toLowerCase()) };
      if (!mayMatch(lowered, out.toLowerCase())) continue;
      const context = { key: '', isSecretKey: isSecretKeyName, budget };
      out = applyRule(out, rule, globalPattern(rule.pattern), '[REDACTED]', context);
    }
  } catch (failure) {
    if (failure === BUDGET_SPENT) return notScanned(text.length);
    throw failure;
  }
  return out;
};

// Pairs alike in all but one fact the gates read, the harmless one first: a plan remembered for the wrong
// facts would skip the rule the second needs (digits: a card; digit run: an SSN; token run: a vendor token).
const pairs = [
  ['card 4111 1111 11', 'card 4111 1111 1111 1111'],
  ['ssn 078-05-11', 'ssn 078-05-1120'],
  ['key ghp_1234', 'key ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['jwt eyJhbGciOiJIUzI1NiJ9', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'],
];

describe('rule plans remembered by text facts (issue 11)', () => {
  it('redacts as the redactor without a prefilter does, plans evicted and reused, in any order', () => {
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    const texts = [
      ...pairs.flat(),
      ...benignStrings,
      ...keyValueBenign,
      ...plantedSecrets.map((s) => s.text),
      // More distinct facts than plans kept, then the corpus again: evicted plans are made afresh.
      ...Array.from({ length: 600 }, (_, i) => `order ${'9'.repeat(i % 40)} of ${'x'.repeat(i % 70)}`),
      ...pairs.flat(),
      ...plantedSecrets.map((s) => s.text).reverse(),
    ];
    const differ = texts.filter((text) => fast.redactString(text) !== full.redactString(text));
    expect(differ).toEqual([]);
    // The second of each pair is a secret, so the comparison above would have shown a skipped rule.
    for (const [plain, secret] of pairs) {
      expect(fast.redactString(plain as string)).toBe(plain);
      expect(fast.redactString(secret as string)).toContain('[REDACTED]');
    }
  });

  // 3.8–4.3 s alone on a loaded 2-core machine: past vitest's 5 s default once shared.
  it('runs out of a budget exactly where asking every gate rule by rule does, texts the rules change included', () => {
    const texts = [
      ...pairs.flat(),
      ...benignStrings.slice(0, 40),
      ...plantedSecrets.slice(0, 60).map((s) => s.text),
    ];
    const differ: string[] = [];
    for (const text of texts) {
      const budgets = [
        ...Array.from({ length: 150 }, (_, k) => Math.max(1, Math.round((k * text.length) / 2))),
        // A candidate match costs 1,000 more.
        ...Array.from({ length: 60 }, (_, k) => 75 * text.length + 250 * k),
      ];
      for (const workBudget of budgets) {
        const fast = createRedactor({ workBudget }).redactString(text);
        if (fast !== ruleByRule(text, workBudget)) differ.push(`${text} with ${workBudget}`);
      }
      // The sweep reached both sides of where the budget runs out.
      expect(ruleByRule(text, 1)).toContain('not scanned');
      expect(ruleByRule(text, 75 * text.length + 15_000)).not.toContain('not scanned');
    }
    expect(differ).toEqual([]);
  }, 30_000);
});
