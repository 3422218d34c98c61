import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { anyOf, triggerSource } from '../../../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../../../src/core/errors/redaction/default-rules';
import { RULE_GATES } from '../../../src/core/errors/redaction/rule-gates';
import { factsOfKey, readTextFacts, textFactsKey } from '../../../src/core/errors/redaction/text-facts';
import { random } from './corpus/generate';
import { plantedSecrets } from './corpus/secrets';

// Issue 11: a redactor looks up a text's rule plan by one number (its facts, each count cut at a cap),
// not by a string built from them, and refills one work budget per call. Wrong caps would give a text
// the plan of another whose gates answer differently: a leak.

/** Runs of each kind from 0 to 160 characters: across every threshold a gate has, and every cap. */
const runs = (alphabet: string): string[] =>
  Array.from({ length: 161 }, (_, length) => random(length + 1, length, alphabet));
const RUN_TEXTS = [
  ...runs('0123456789'),
  ...runs('abcXYZ019_-'),
  ...runs('abcXYZ019+/='),
  ...runs('0123456789').map((digits) => digits.split('').join(' ')),
  ...runs('abcXYZ019_-').map((token) => `id ${token}.${token}: ~${token}`),
];

describe('the plan key (issue 11)', () => {
  it('holds a text’s facts exactly below the caps', () => {
    for (const text of ['', 'Widget abc failed to load', '=ab 12-3_x+y/4567:', 'é1234 ＝ 12'])
      expect(factsOfKey(textFactsKey(text))).toEqual(readTextFacts(text));
    expect(textFactsKey('Widget abc failed to load')).not.toBe(textFactsKey('Widget abc failed to load:'));
  });

  it('cuts counts only where no gate tells them apart: every gate answers as on the text’s own facts', () => {
    const texts = [...RUN_TEXTS, ...plantedSecrets.map((secret) => secret.text)];
    const differ = texts.flatMap((text) => {
      const own = readTextFacts(text);
      const keyed = factsOfKey(textFactsKey(text));
      return Object.entries(RULE_GATES)
        .filter(([, gate]) => gate(own) !== gate(keyed))
        .map(([id]) => `${id}: ${text.slice(0, 40)}`);
    });
    expect(differ).toEqual([]);
    // The runs go past the caps, so the comparison is not empty.
    expect(RUN_TEXTS.some((text) => readTextFacts(text).tokenRun > 127)).toBe(true);
  });

  it('redacts texts that share a key as it would without gates, in any order', () => {
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    const texts = [...RUN_TEXTS, ...plantedSecrets.map((secret) => secret.text)];
    for (const text of [...texts, ...[...texts].reverse()])
      expect(fast.redactString(text)).toBe(full.redactString(text));
  });
});

describe('one work budget per redactor, refilled per call (issue 11)', () => {
  const text = 'password=Hunter2xyz; more text to scan';
  const clean = createRedactor().redactString(text);
  const scanned = (workBudget: number) => createRedactor({ workBudget }).redactString(text) === clean;
  /** The least budget that scans `text` once (found by halving): it cannot scan it twice. */
  let once = 1;
  while (!scanned(once)) once *= 2;
  for (let step = once / 4; step >= 1; step /= 2) if (scanned(once - step)) once -= step;

  it('gives every call the whole budget, after a call that spent it or threw', () => {
    expect(clean).toContain('[REDACTED]');
    const redactor = createRedactor({ workBudget: once });
    expect(redactor.redactString(`${text}\n${text}`)).toBe(`[not scanned: ${text.length * 2 + 1} chars]`);
    expect(redactor.redactString(text)).toBe(clean);
    expect(redactor.redactString(text)).toBe(clean);
    expect(() =>
      redactor.asOneCall(() => {
        redactor.redactString(text);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(redactor.redactString(text)).toBe(clean);
    expect(createRedactor({ workBudget: once - 1 }).redactString(text)).toBe(
      `[not scanned: ${text.length} chars]`,
    );
  });

  it('shares it between the redactions of one call, nested ones too', () => {
    const redactor = createRedactor({ workBudget: once });
    const [first, second] = redactor.asOneCall(() => [
      redactor.redactString(text),
      redactor.asOneCall(() => redactor.redactString(text)),
    ]);
    expect(first).toBe(clean);
    expect(second).toBe(`[not scanned: ${text.length} chars]`);
  });

  it('scans each string with its own key, also when a rule redacts under another key meanwhile', () => {
    const redactor = createRedactor({
      rules: [
        {
          id: 'nested',
          pattern: /nested/,
          test: () => redactor.redactString('pin 1234', 100, 'other') === '',
        },
        // Counts only under a `pin` key: the text itself never says so.
        { id: 'after', pattern: /\b\d{4}\b/, keywords: /\bpin\b/ },
      ],
    });
    expect(redactor.redactString('nested 1234', 100, 'pin')).toBe('nested [REDACTED]');
    expect(redactor.redactString('nested 1234', 100, 'count')).toBe('nested 1234');
  });
});

describe('one search for every trigger of a plan (issue 11)', () => {
  const triggers = defaultRedactionRules.flatMap((rule) => rule.triggers ?? []);

  it('finds a literal exactly where `includes` does, RegExp syntax and all', () => {
    const literals = [
      ...triggers.map((t) => t.toLowerCase()),
      'a.b(',
      '[x]',
      '\\d',
      '$^',
      '{1}',
      'a|b',
      '*+?',
      '/-',
    ];
    const texts = [
      ...literals.flatMap((literal) => [literal, `x ${literal} y`, literal.slice(1), literal.slice(0, -1)]),
      'aXb(',
      'x',
      'dd',
      'a',
      '',
    ];
    for (const some of [literals, literals.slice(-8), ['\\u0040'], ['']])
      for (const text of texts)
        for (const sources of [[triggerSource(some)], some.map((literal) => triggerSource([literal]))])
          expect(anyOf(sources)?.test(text)).toBe(some.some((literal) => text.includes(literal)));
    expect(anyOf([])).toBeUndefined();
  });

  it('runs every triggered rule whose trigger a plain message holds, as without the prefilter', () => {
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    const texts = triggers.flatMap((trigger) => [
      `Widget ${trigger} failed to load`,
      `Widget failed${trigger}Hunter2xyz9 to load`,
      `${trigger.toUpperCase()} Hunter2xyz9`,
      `password${trigger} Hunter2xyz9`,
      `${trigger}: abc123def456ghi`,
    ]);
    expect(texts.filter((text) => fast.redactString(text) !== full.redactString(text))).toEqual([]);
  });

  it('searches an app rule’s triggers as written, RegExp characters too', () => {
    const redactor = createRedactor({
      rules: [{ id: 'call', pattern: /a\.b\(\d+\)/, triggers: ['A.B(', '|'] }],
    });
    expect(redactor.redactString('see a.b(123456)')).toBe('see [REDACTED]');
    expect(redactor.redactString('see a.b(123456) |')).toBe('see [REDACTED] |');
    expect(redactor.redactString('see aXb(123456)')).toBe('see aXb(123456)');
  });
});
