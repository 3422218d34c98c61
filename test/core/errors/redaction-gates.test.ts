import { describe, expect, it } from 'vitest';
import { createRedactor } from 'bulwark/core';
import { applyRule, globalPattern } from '../../../src/core/errors/redaction/apply-rules';
import { defaultRedactionRules } from '../../../src/core/errors/redaction/default-rules';
import { RULE_GATES } from '../../../src/core/errors/redaction/rule-gates';
import { isSecretKeyName } from '../../../src/core/errors/redaction/secret-key';
import { charMask, NON_ASCII, readTextFacts } from '../../../src/core/errors/redaction/text-facts';
import { benignObject, benignStrings, echoBenign, keyValueBenign } from './corpus/benign';
import { random } from './corpus/generate';
import { plantedSecrets } from './corpus/secrets';

// Issue 11: a default rule is skipped on a text without the characters, digits or runs its pattern
// needs. A wrong gate is a leak, so each gate is checked against its rule alone, over every corpus and
// over texts built to sit on its edge.

/** Shapes no planted secret has alone (earlier rules take them first), some at their shortest. */
const hex = (seed: number, length: number) => random(seed, length, '0123456789abcdef');
const EXAMPLES = [
  `state=${btoa('{"password":"Hunter2xyz"}')}`,
  `glpat-${random(1, 20)}`,
  `SG.${random(2, 22)}.${random(3, 43)}`,
  `wallet private key: 0x${hex(4, 64)}`,
  'Private-Lines: 2\nAAAAgQCo9nB4Qw3ZkVx\nAAAAQQDx7Yh2LmPq\nPrivate-MAC: 9f',
  `abc8Q~${random(5, 31)}`,
  `mailgun: key-${hex(6, 32)}`,
  '<input type="password" value="Hunter2xyz">',
  'ada:Hunter2xyz@db.internal:5432',
  'Failing row contains (42, ada, $2b$12$abcdefghijklmnopqrstuu, null).',
  '`Hunter2xyz` is not a valid enum value for path `password`.',
  'Path `password` (`Hunter2xyz`) is shorter than the minimum allowed length (12).',
  "on field 'password': rejected value [Hunter2xyz]; codes [Size]",
  "The value 'Hunter2xyz' is not valid for Pin.",
  "password\n  String should have at least 12 characters [type=string_too_short, input_value='Hunter2xyz', input_type=str]",
  "insert into users (email, password) values ('ada@example.com', 'Hunter2xyz')",
  'NI number QQ 12 34 56 C',
  // at the shortest length their patterns take, so the cuts below cross each run and count gate
  `ghp_${random(7, 30)}`,
  `github_pat_${random(8, 22)}`,
  `xoxb-${random(9, 10)}`,
  `xapp-1-${random(10, 10)}`,
  `sk_live_${random(11, 10)}`,
  `whsec_${random(12, 20)}`,
  `AIza${random(13, 35)}`,
  `ya29.${random(14, 20)}`,
  `1//0${random(15, 30)}`,
  `sk-${random(16, 20)}`,
  `npm_${random(17, 36)}`,
  `sk.eyJ${random(18, 10)}.${random(19, 10)}`,
  `sntrys_${random(20, 40, 'ab+/=')}`,
  `SK${hex(21, 32)}`,
  `12345:A${random(22, 32)}`,
  `AC${hex(23, 32)} ${hex(24, 32)}`,
  `AGE-SECRET-KEY-1${random(25, 50, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')}`,
  `AKIA${random(26, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  `pscale_pw_${random(27, 32, 'a.=')}`,
  `glc_${random(28, 32, 'a+/')}`,
  `aws secret ${random(29, 20, 'aB+/')}${random(30, 20, 'cD1/')}`,
  'card 4539 1488 0343 6467',
  'call (212) 555-0143',
  'ssn 219-09-9999',
];
const base = [
  ...EXAMPLES,
  ...plantedSecrets.map((s) => s.text),
  ...benignStrings,
  ...keyValueBenign,
  ...echoBenign,
  JSON.stringify(benignObject),
];
const corpus = [
  ...base,
  ...base.map((text) => text.toUpperCase()),
  ...base.map((text) => text.toLowerCase()),
  ...base.map((text, i) => `${text} ${base[(i + 1) % base.length] ?? ''}`),
];

/** Every character a gate names, and a few it reads around them (digits, full-width forms). */
const GATE_CHARS = [
  '0',
  'A',
  'a',
  ' ',
  '\t',
  '\n',
  '\r',
  ...Array.from('=:@/\\%&"\'`<>-._([,~'),
  '\uFF1D',
  '\uFF11',
];

/** The class bits of one character (every code above 127 is one class). */
const bits = (char: string): number => readTextFacts(char).chars;

/**
 * Texts with exactly one character of a class, in every position: `text` with every character of
 * that class taken out, then one put back at each index, for each class a gate names.
 */
const onePerPosition = (text: string): string[] =>
  GATE_CHARS.flatMap((char) => {
    const rest = Array.from(text)
      .filter((c) => (bits(c) & bits(char)) === 0)
      .join('');
    return Array.from({ length: rest.length + 1 }, (_, at) => `${rest.slice(0, at)}${char}${rest.slice(at)}`);
  });
/** The shortest planted secret of each kind. */
const byKind = new Map<string, string>();
for (const { kind, text } of plantedSecrets)
  if (text.length < (byKind.get(kind) ?? `${text} `).length) byKind.set(kind, text);

/** `text` cut at every index from either end, and without each one of its characters: runs and counts at their edges. */
const edges = (text: string): string[] =>
  Array.from({ length: text.length }, (_, at) => [
    text.slice(0, at),
    text.slice(at + 1),
    `${text.slice(0, at)}${text.slice(at + 1)}`,
  ]).flat();

const context = { key: '', isSecretKey: isSecretKeyName };
const changes = (rule: (typeof defaultRedactionRules)[number], text: string): boolean =>
  applyRule(text, rule, globalPattern(rule.pattern), '[R]', context) !== text;

describe('the rule gates (issue 11)', () => {
  it('reads a text in one pass: classes, digits and the longest runs, at its first and last character', () => {
    expect(readTextFacts('=ab 12-3_x+y/4567:')).toEqual({
      chars: charMask('=a ') | charMask('0-_/:'),
      digits: 7,
      digitRun: 4,
      tokenRun: 6,
      base64Run: 13,
    });
    expect(readTextFacts('é1234').chars & NON_ASCII).toBe(NON_ASCII);
    expect(readTextFacts('12é34')).toMatchObject({ digits: 4, digitRun: 2, tokenRun: 2 });
    expect(readTextFacts('')).toEqual({ chars: 0, digits: 0, digitRun: 0, tokenRun: 0, base64Run: 0 });
    expect(() => charMask('!')).toThrow(TypeError);
  });

  it('gates only default rules, by their ids', () => {
    const ids = defaultRedactionRules.map((rule) => rule.id);
    expect(Object.keys(RULE_GATES).filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !RULE_GATES[id])).toEqual(['token-scheme', 'authorization-scheme']);
  });

  // One test per gated rule: wherever its gate says no, the rule alone changes nothing.
  for (const rule of defaultRedactionRules.filter((r) => RULE_GATES[r.id])) {
    const gate = RULE_GATES[rule.id]!;
    it(`skips "${rule.id}" only on texts it leaves unchanged`, () => {
      const hits = corpus.filter((text) => changes(rule, text));
      // Its shortest hits, cut and thinned at every index, and with one character of each class in
      // every position: each gate's characters, counts and runs at their edge.
      const shortest = [...hits].sort((a, b) => a.length - b.length).slice(0, 12);
      const near = [...shortest.flatMap(edges), ...shortest.slice(0, 3).flatMap(onePerPosition)];
      const texts = [...corpus, ...near];
      const leaks = texts.filter((text) => !gate(readTextFacts(text)) && changes(rule, text));
      expect(leaks).toEqual([]);
      // It matches something in the corpus, so the comparison is not empty.
      expect(hits.length).toBeGreaterThan(0);
    }, 60_000);
  }

  it('gives the same output with and without the gates, over texts built for their edges', () => {
    const fast = createRedactor();
    const full = createRedactor({ prefilter: false });
    const texts = [
      ...[...byKind.values(), ...EXAMPLES].filter((text) => text.length <= 60).flatMap(onePerPosition),
      ...corpus.flatMap((text) => (text.length <= 30 ? edges(text) : [])),
    ];
    expect(texts.length).toBeGreaterThan(10_000);
    expect(texts.filter((text) => fast.redactString(text) !== full.redactString(text))).toEqual([]);
  }, 120_000);

  it('does not gate an app rule that reuses a default id', () => {
    const redactor = createRedactor({ rules: [{ id: 'card-number', pattern: /order-\w+/ }] });
    expect(redactor.redactString('see order-abc')).toBe('see [REDACTED]');
  });
});
