import { describe, expect, it } from 'vitest';
import { base36, clean } from '../../../src/core/errors/fingerprint';
import { benignStrings, keyValueBenign } from './corpus/benign';
import { plantedSecrets } from './corpus/secrets';

/** `clean` as it was before its shortcut: every replacement run on every text. */
const QUERY = /[?#][^\s'")]*/g;
const VARIABLE = /(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|(?<![\w-])(?=[\w-]*\d)[\w-]{8,}|\d+/g;
const full = (text: string): string =>
  text.slice(0, 500).replace(QUERY, '').replace(VARIABLE, '#').replace(/\s+/g, ' ').trim();

// Plain texts that take the shortcut, and texts one character away from it in each way `clean` changes text.
const plain = ['Widget abcd failed to load', '  padded  ', 'Cannot read properties of undefined', ''];
const edges = [
  'Widget 1 failed',
  'see page?x',
  'anchor #top',
  'mail ada@example',
  'two  spaces',
  'tab\there',
  'line\nbreak',
  'nbsp\u00a0here',
  'ideographic\u3000space',
  'line\u2028separator',
  'trailing ',
  'full-width １２３ digits',
  `${'x'.repeat(499)} 1`,
  `${'x'.repeat(499)}  `,
];

describe("the fingerprint's clean shortcut (issue 11)", () => {
  it('gives what every replacement gives, over the corpora and the shortcut edges', () => {
    const texts = [
      ...plain,
      ...edges,
      ...benignStrings,
      ...keyValueBenign,
      ...plantedSecrets.map((s) => s.text),
    ];
    const differ = texts.filter((text) => clean(text) !== full(text));
    expect(differ).toEqual([]);
  });

  it('is tested on texts that do and texts that do not take the shortcut', () => {
    // A shortcut that never applied, or always did, would make the comparison above say nothing.
    expect(plain.every((text) => clean(text) === text.trim())).toBe(true);
    expect(edges.filter((text) => full(text) !== text.trim()).length).toBeGreaterThanOrEqual(10);
  });
});

describe("the fingerprint's base-36 digits (issue 11)", () => {
  it('writes every integer below 2^53 as toString(36) does', () => {
    const values = [
      0,
      1,
      35,
      36,
      37,
      1295,
      1296,
      2 ** 31 - 1,
      2 ** 31,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 52,
      2 ** 53 - 1,
    ];
    for (let i = 0; i < 20_000; i++)
      values.push(4294967296 * Math.floor(Math.random() * 2097152) + Math.floor(Math.random() * 4294967296));
    for (let power = 1; power < 2 ** 53; power *= 36) values.push(power - 1, power, power + 1);
    const differ = values.filter((value) => base36(value) !== value.toString(36));
    expect(differ).toEqual([]);
  });
});
