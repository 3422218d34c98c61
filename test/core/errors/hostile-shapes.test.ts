import { describe, expect, it } from 'vitest';
import { createResilience, redact, redactString } from 'bulwark/core';
import { fastest } from '../../helpers/fastest';

// Issue 9: the shape rules added for tokens, URLs and personal data stay linear. A 1–5 MB string
// made of each new shape, repeated, costs the same bounded window as any other string. The bound
// is generous (see hostile-input.test.ts) and still fails for a quadratic pattern (seconds).
// (`?code=` and `a://b:c@` repeated are slow in the `key-value` rule itself: finding S1, not here.)
const BOUND_MS = 100;
const MB = 1_000_000;

/** A flat string of `unit` repeated to about `bytes` characters (flattened outside the timing). */
const fill = (unit: string, bytes = 2 * MB): string => {
  const text = unit.repeat(Math.ceil(bytes / unit.length));
  text.charCodeAt(0);
  return text;
};

const shapes: [string, string][] = [
  ['"_eyJ" glued JWT starts', fill('_eyJ', 5 * MB)],
  ['"-eyJa." JWT parts', fill('-eyJabcdef.', 3 * MB)],
  ['JWT parts split by newlines', fill('eyJabcdef.\n')],
  ['one base64 JSON run', `eyJ${fill('a', 5 * MB)}.`],
  ['"redis://:" authorities', fill('redis://:')],
  ['"x://:c@" authorities', fill('x://:c@')],
  ['"x://u:@a" authorities with many @', `x://u:${fill('@a')}`],
  ['"&code=a" parameters', fill('&code=a')],
  ['"&code=A1" parameters', fill('&code=A1')],
  ['"%3Fcode%3D" parameters', fill('%3Fcode%3D')],
  ['one "?code=" with a 2 MB value', `?code=${fill('A1')}`],
  ['"&password_token_x=" names', fill('&password_token_x=')],
  ['"/reset/" segments', fill('/reset/')],
  ['"/invite/" and a long segment', `/invite/${fill('Ab1')}`],
  ['a base64 run', fill('A', 5 * MB)],
  ['base64 runs of 41', fill(`${'Ab1/'.repeat(10)}A `)],
  ['"0x" and hex', fill('0x4c0883a69102937d')],
  ['"key 0x" and short hex', fill('key 0x4c0883a69102937d ')],
  ['"secret " and base64 runs of 40', fill(`secret ${'Ab1/'.repeat(10)}A `)],
  ['"token " and a long word', `token ${fill('a1', 5 * MB)}`],
  ['"hooks.slack.com/services/"', fill('hooks.slack.com/services/')],
  ['"%41" escapes', fill('%41', 3 * MB)],
  ['"a%40b." e-mail parts', fill('a%40b.')],
  ['Unicode letters', fill('é', 3 * MB)],
  ['"josé@" e-mail starts', fill('josé@')],
  ['"4111 " card groups', fill('4111 ')],
  ['"4111\\u00a0" card groups', fill('4111\u00a0')],
  ['"4111.  " card groups', fill('4111.  ')],
  ['"+1 " phone parts', fill('+1 ')],
  ['"0044 " phone parts', fill('0044 ')],
  ['digits', fill('1', 5 * MB)],
  ['"de89 " IBAN groups', fill('de89 ')],
  ['"ssn 123 45 " SSN parts', fill('ssn 123 45 ')],
  ['"QQ 12 " NI parts', fill('QQ 12 ')],
  ['"-----BEGIN PRIVATE KEY-----" lines', fill('-----BEGIN PRIVATE KEY-----\n')],
  ['"-----BEGIN PGP PRIVATE KEY BLOCK" without dashes', fill('-----BEGIN PGP PRIVATE KEY BLOCK')],
  ['base64 lines', fill(`${'Q'.repeat(64)}\n`, 5 * MB)],
];

describe('new redaction shapes cost nothing, whatever their size (issue 9)', { timeout: 120_000 }, () => {
  // Warm up: the first call compiles the rules' regular expressions.
  redactString('warm up ?code=abc123456 ada@example.com');

  it.each(shapes)('redacts a string of %s in bounded time', (_, text) => {
    const slow: string[] = [];
    const calls: [string, () => unknown][] = [
      ['redactString', () => redactString(text)],
      ['redact under a key', () => redact({ query_string: text, input: text })],
    ];
    for (const [name, call] of calls) {
      const ms = fastest(call);
      if (ms > BOUND_MS) slow.push(`${name}: ${Math.round(ms)} ms`);
    }
    expect(slow).toEqual([]);
  });

  // 1 MB: reading a 5 MB stack costs V8 tens of ms before any rule runs, on a loaded machine.
  it.each(shapes)('captures an Error whose 1 MB stack is %s in bounded time', (_, text) => {
    const stack = `Error: x\n${text.slice(-MB)}`;
    stack.charCodeAt(0);
    const error = Object.assign(new Error('x'), { stack });
    expect(fastest(() => createResilience().capture(error))).toBeLessThan(BOUND_MS);
  });
});
