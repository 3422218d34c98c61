// Break-it 11e (E1): the trigger search of an app rule is memoised by its `triggers` ARRAY (apply-rules.ts
// `triggerSource`, a WeakMap by list), but `isolateRule` keeps the app's own array (`...rule`), so a list
// changed in place after a first redactor was made leaves every later redactor searching for the OLD
// words, while `mayMatch` checks the new ones: the rule never runs and its secret leaves the page. Before
// issue 11's change (807b3b0) each redactor lower-cased the list it was given, and redacted.
// Run: npx vitest run --project unit test/breakit11e/e1-trigger-source-memo.test.ts
import { describe, expect, it } from 'vitest';
import { createRedactor, type RedactionRule } from 'bulwark/core';

describe('E1: an app rule whose triggers list changed in place between two redactors', () => {
  const text = 'Order sync failed: zeta-4481203997 rejected';

  it('the oracle (prefilter off) redacts the token', () => {
    const triggers = ['acme'];
    const rule: RedactionRule = { id: 'tenant-token', pattern: /(?:acme|zeta)-\d{6,}/gi, triggers };
    createRedactor({ rules: [rule] }).redactString('warm up');
    triggers[0] = 'zeta';
    expect(createRedactor({ rules: [rule], prefilter: false }).redactString(text)).not.toContain(
      '4481203997',
    );
  });

  it('a redactor made after the change redacts it too (fails: the memo answers the old list)', () => {
    const triggers = ['acme'];
    const rule: RedactionRule = { id: 'tenant-token', pattern: /(?:acme|zeta)-\d{6,}/gi, triggers };
    // An app that loads its tenant prefixes at start-up: a first resilience/redactor made before.
    createRedactor({ rules: [rule] }).redactString('warm up');
    triggers[0] = 'zeta';
    const later = createRedactor({ rules: [rule] });
    expect(later.redactString(text)).not.toContain('4481203997');
  });

  it('a list grown in place (push) is searched in full by a later redactor (fails)', () => {
    const triggers = ['acme'];
    const rule: RedactionRule = { id: 'tenant-token', pattern: /(?:acme|zeta)-\d{6,}/gi, triggers };
    createRedactor({ rules: [rule] });
    triggers.push('zeta');
    expect(createRedactor({ rules: [rule] }).redactString(text)).not.toContain('4481203997');
  });
});
