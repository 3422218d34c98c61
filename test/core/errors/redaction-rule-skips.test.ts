import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { applyRule, globalPattern } from '../../../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../../../src/core/errors/redaction/default-rules';
import { RULE_SKIPS } from '../../../src/core/errors/redaction/rule-gates';
import { isSecretKeyName } from '../../../src/core/errors/redaction/secret-key';
import { WorkBudget } from '../../../src/core/errors/redaction/work-budget';
import { benignStrings } from './corpus/benign';
import { plantedSecrets } from './corpus/secrets';

// Issue 11: a plain one-line message (`Widget x failed to load`) is a candidate of `aligned-pair` at its
// start that the rule's test rejects by its first word; the rule is answered without its pattern there.
// A wrong answer is a leak (a secret the rule would have taken) or a budget that runs out elsewhere.

/** A budget that counts what it is charged and never runs out. */
class Counting extends WorkBudget {
  used = 0;
  constructor() {
    super(Infinity);
  }
  override take(units: number): void {
    this.used += units;
  }
}

/** Every way the pattern's start can go: blanks, `set`, the key's first character and length, the separator, the value. */
const BLANKS = ['', ' ', ' '.repeat(8), ' '.repeat(9)];
const SETS = ['', 'set ', 'set -x ', 'sets ', 'set'];
const KEYS = [
  ...['a', 'Z', '_', '1', '-', '.', 'é', ''].flatMap((first) =>
    ['', 'bc', 'x'.repeat(79), 'x'.repeat(80), 'x'.repeat(81), 'a.b-c_9', 'éa'].map(
      (rest) => `${first}${rest}`,
    ),
  ),
  'password',
  'API_KEY',
  'token',
  'Widget',
  'secret.key',
  'db-password',
  'PASSWORD_HASH',
];
const SEPARATORS = [' ', '  ', '', ':', '\t', ' \t', '\u00a0'];
const VALUES = [
  '',
  ' ',
  'x',
  'Hunter2xyz',
  'abc def',
  '  ',
  'é',
  'Hunter2xyz\nnext',
  'a\rb',
  'AKIA0123456789ABCDEF',
];
const TEXTS = BLANKS.flatMap((blank) =>
  SETS.flatMap((set) =>
    KEYS.flatMap((key) =>
      SEPARATORS.flatMap((separator) => VALUES.map((value) => `${blank}${set}${key}${separator}${value}`)),
    ),
  ),
);

describe('rules answered without their pattern (issue 11)', () => {
  const rule = defaultRedactionRules.find((r) => r.id === 'aligned-pair')!;
  const skip = RULE_SKIPS['aligned-pair']!;
  const pattern = globalPattern(rule.pattern);

  it('answers aligned-pair only where the rule changes nothing, charged as the rule charges', () => {
    const wrong: string[] = [];
    const seen = { run: 0, changed: 0, rejected: 0, none: 0 };
    for (const text of [...TEXTS, ...benignStrings, ...plantedSecrets.map((s) => s.text)]) {
      const budget = new Counting();
      const out = applyRule(text, rule, pattern, '[R]', { key: '', isSecretKey: isSecretKeyName, budget });
      const answer = skip(text, isSecretKeyName);
      if (out !== text) seen.changed++;
      if (answer === undefined) seen.run++;
      else if (answer > 0) seen.rejected++;
      else seen.none++;
      if (answer !== undefined && (out !== text || answer !== budget.used)) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
    // Each way out is taken, and the rule redacts some of these texts (so a skip there would show).
    expect(Math.min(seen.run, seen.changed, seen.rejected, seen.none)).toBeGreaterThan(100);
  });

  it('redacts, and runs out of a budget, as the redactor without a prefilter does', () => {
    const texts = TEXTS.filter((_, i) => i % 7 === 0);
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    expect(texts.filter((text) => fast.redactString(text) !== full.redactString(text))).toEqual([]);
    // Budgets around a plain message's: its scans, then its one candidate (1,000 units and 8 a character).
    const message = 'Widget abc failed to load';
    const differ: number[] = [];
    for (
      let workBudget = 68 * message.length - 300;
      workBudget < 68 * message.length + 1400;
      workBudget += 7
    ) {
      const gated = createRedactor({ workBudget }).redactString(message);
      if (gated !== createRedactor({ workBudget, prefilter: false }).redactString(message))
        differ.push(workBudget);
    }
    expect(differ).toEqual([]);
  });

  it('asks the redactor’s own key names: an app key or an allowed one', () => {
    for (const options of [{ keys: ['widget'] }, { allowKeys: ['password'] }, { keys: [/^Wid/] }]) {
      const fast = createRedactor(options);
      const full = createRedactor({ ...options, prefilter: false });
      for (const text of [
        'Widget  abc123def456',
        'password  Hunter2xyz',
        'WIDGET abc',
        'Widget failed to load',
      ])
        expect(fast.redactString(text)).toBe(full.redactString(text));
    }
    expect(createRedactor({ keys: ['widget'] }).redactString('Widget  abc123def456')).toBe(
      'Widget  [REDACTED]',
    );
  });
});
