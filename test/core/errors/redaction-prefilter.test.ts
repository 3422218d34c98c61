import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { applyRule, globalPattern, mayMatch } from '../../../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../../../src/core/errors/redaction/default-rules';
import { isSecretKeyName } from '../../../src/core/errors/redaction/secret-key';
import { benignStrings, keyValueBenign } from './corpus/benign';
import { plantedSecrets } from './corpus/secrets';

/** Shapes that earlier rules take first in the planted corpus, so each triggered rule matches something alone. */
const alone = [
  `state=${btoa('{"password":"Hunter2xyz"}')}`,
  `wallet private key: 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318`,
  '<input type="password" name="pw" value="Hunter2xyz">',
  "insert into users (email, password) values ('ada@example.com', 'Hunter2xyz')",
];
// Every text a rule family must handle: the planted secrets, the benign corpora, and each of them
// upper- and lower-cased (triggers are case-insensitive) and glued to its neighbour.
const base = [...plantedSecrets.map((s) => s.text), ...benignStrings, ...keyValueBenign, ...alone];
const corpus = [
  ...base,
  ...base.map((text) => text.toUpperCase()),
  ...base.map((text) => text.toLowerCase()),
  ...base.map((text, i) => `${text} ${base[(i + 1) % base.length] ?? ''}`),
];
const withTriggers = defaultRedactionRules.filter((rule) => rule.triggers);

describe('the trigger prefilter (issue 9)', () => {
  it('gives the costliest literal-led default rules triggers', () => {
    expect(withTriggers.map((rule) => rule.id)).toEqual([
      'url-credentials',
      'jwt',
      'base64-json',
      'token-scheme',
      'authorization-scheme',
      'prose-secret',
      'spaced-password',
      'sql-insert-secret-column',
      'email',
    ]);
  });

  // One test per rule: where the prefilter skips the rule, the rule would have changed nothing.
  for (const rule of withTriggers)
    it(`skips "${rule.id}" only on texts it leaves unchanged`, () => {
      const pattern = globalPattern(rule.pattern);
      const lowered = { triggers: rule.triggers?.map((t) => t.toLowerCase()) };
      const context = { key: '', isSecretKey: isSecretKeyName };
      const skipped = corpus.filter((text) => !mayMatch(lowered, text.toLowerCase()));
      const changed = skipped.filter((text) => applyRule(text, rule, pattern, '[R]', context) !== text);
      expect(changed).toEqual([]);
      // It matches something in the corpus, so the comparison is not empty.
      expect(corpus.some((text) => applyRule(text, rule, pattern, '[R]', context) !== text)).toBe(true);
    });

  it('gives the same output with and without the prefilter, over every corpus', () => {
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    const differ = corpus.filter((text) => fast.redactString(text) !== full.redactString(text));
    expect(differ).toEqual([]);
    const objects = plantedSecrets.map((s, i) => ({ message: s.text, [`field${i}`]: s.text, nested: { s } }));
    expect(fast(objects)).toEqual(full(objects));
  });

  it('keeps a rule without triggers (an app rule) running on every text', () => {
    const redactor = createRedactor({ rules: [{ id: 'ticket', pattern: /INT-\d{6}/ }] });
    expect(redactor.redactString('see INT-123456')).toBe('see [REDACTED]');
    const triggered = createRedactor({ rules: [{ id: 'ticket', pattern: /INT-\d{6}/, triggers: ['int-'] }] });
    expect(triggered.redactString('see INT-123456')).toBe('see [REDACTED]');
  });
});
