// Issue 11: a new error's stack head (`Name: message`) reuses its redacted message instead of being
// redacted a second time. That is right only while no rule reads across `Name: `: checked here over
// the planted secrets and the benign corpora, so a rule that starts to will fail this test.
import { createResilience, redactString } from 'bulwark/core';
import { cachedStackRedactor, firstFrame } from '../../../src/core/capture/cached-stack-redactor';
import { describe, expect, it } from 'vitest';
import { benignStrings } from '../errors/corpus/benign';
import { plantedSecrets } from '../errors/corpus/secrets';

const NAMES = ['Error', 'TypeError', 'RangeError', 'AppError'];
const texts = [
  ...plantedSecrets.map((s) => s.text),
  ...plantedSecrets.map((s) => `Request failed: ${s.text} (retrying)`),
  ...benignStrings,
];

describe('the head of a stack', () => {
  it('redacts as `Name: ` and the message redacted alone, for every corpus text', () => {
    const differ = NAMES.flatMap((name) =>
      texts.filter((text) => redactString(`${name}: ${text}`) !== `${name}: ${redactString(text)}`),
    );
    expect(differ).toEqual([]);
  });

  it('holds no planted secret in a captured error’s stack or message', () => {
    const resilience = createResilience();
    const leaks = plantedSecrets.flatMap((secret) => {
      const { error } = resilience.capture(new TypeError(secret.text));
      return secret.needles.filter((n) => error.stack?.includes(n) || error.message.includes(n));
    });
    expect(leaks).toEqual([]);
  });

  it('is redacted in full when the name is not a plain Error name', () => {
    const resilience = createResilience();
    const error = Object.assign(new Error('hunter2secret'), { name: 'password' });
    // The stack was formatted with the name it had when it was first read.
    error.stack = `password: hunter2secret\n    at save (app.js:1:1)`;
    const stored = resilience.capture(error).error;
    expect(stored.stack).not.toContain('hunter2secret');
  });
});

describe('the frames of a stack, remembered per throw site (issue 11)', () => {
  it('redacts as redacting every stack afresh does, sites met in turn, again, and past the sites kept', () => {
    const redactStack = cachedStackRedactor((text) => redactString(text));
    // 100 sites (more than the 64 kept), some with a secret in a frame's URL, met in runs and in turn.
    const site = (i: number) =>
      `\n    at load${i} (https://${i % 3 ? '' : `ada:pw${i}Secret@`}app.example/app.js:${i}:7)\n    at main (https://app.example/main.js:1:1)`;
    const order = [
      ...[0, 0, 0, 1, 1, 0, 2, 0],
      ...Array.from({ length: 100 }, (_, i) => i),
      ...[0, 0, 99, 99, 1, 1, 0],
      ...Array.from({ length: 100 }, (_, i) => 99 - i),
    ];
    const differ = order
      .map((i, n) => `Error: widget ${n} failed${site(i)}`)
      .filter((stack) => redactStack(stack) !== redactString(stack));
    expect(differ).toEqual([]);
    expect(redactStack(`Error: x${site(0)}`)).not.toContain('pw0Secret');
  });
});

describe('the per-site stack cache under a work budget', () => {
  // A site's frames are kept once redacted; frames the budget cut to `[not scanned: N chars]` are not a
  // redaction of them, and a later capture of that site, with budget to spare, scans them (session 8).
  it('does not keep frames the budget left unscanned', () => {
    const resilience = createResilience({ reporting: { redact: { workBudget: 20_000 } } });
    const frames =
      '\n    at saveOrder (https://shop.example/app.js:10:5)\n    at onClick (https://shop.example/app.js:20:7)';
    const costly = new Error('a '.repeat(450));
    costly.stack = `Error: ${costly.message}${frames}`;
    const cheap = new Error('Saving the order failed');
    cheap.stack = `Error: ${cheap.message}${frames}`;
    expect(resilience.capture(costly).error.stack).toContain('[not scanned');
    const stack = resilience.capture(cheap).error.stack;
    expect(stack).not.toContain('[not scanned');
    expect(stack).toContain('at saveOrder (https://shop.example/app.js:10:5)');
  });
});

describe('where the frames of a stack start (issue 11, tenth session)', () => {
  it('is where the frame search finds it, with heads of one line and of several', () => {
    const FIRST_FRAME = /\n(?=[ \t]*at |[^\n]*@\S*:\d)/;
    const stacks = [
      'Error: boom\n    at save (a.js:1:1)',
      'Error: two\nlines\n    at save (a.js:1:1)',
      'Error: multi\nfoo@https://x.example/a.js:1:2\n    at save (a.js:1:1)',
      'Error: head\n\tat tabbed (a.js:1:1)\n    at save (a.js:1:1)',
      'Error: head\n  at twoSpaces (a.js:1:1)\n    at save (a.js:1:1)',
      'Error: no frames',
      'Error: firefox\nsave@https://app.example/a.js:1:2',
      '\n    at startsWithAFrame (a.js:1:1)',
      'Error: cr\r\n    at save (a.js:1:1)',
    ];
    expect(stacks.map(firstFrame)).toEqual(stacks.map((stack) => stack.search(FIRST_FRAME)));
  });
});
