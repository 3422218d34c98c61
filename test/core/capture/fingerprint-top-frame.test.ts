// Issue 11, tenth session: `capture` takes a new error's top frame for its fingerprint from the stack
// cache (per throw site) instead of searching the redacted stack. Checked here against `fingerprint`.
import { AppError, createResilience, fingerprint, redactString } from 'bulwark/core';
import { describe, expect, it } from 'vitest';
import { cachedStackRedactor } from '../../../src/core/capture/cached-stack-redactor';
import { fingerprintWith } from '../../../src/core/errors/fingerprint';

const frames = [
  '\n    at save (https://app.example/assets/index-4f5a6b7c.js:10:5)\n    at main (https://app.example/main.js:1:1)',
  '\n    at load (https://ada:pw1Secret@app.example/app.js?token=abc123:3:7)',
  '\n  at twoSpaces (a.js:1:1)\n    at x (b.js:2:2)',
  '\n\tat tabbed (a.js:1:1)',
  '\nsave@https://app.example/a.js:1:2\nx@b.js:3:4',
  `\n    at ${'y'.repeat(700)} (a.js:1:1)`,
  '\n    at deep (a.js:1:1)'.repeat(1500),
];
const heads = [
  'Error: boom',
  'TypeError: Widget 7 failed to load',
  'Error: what a day',
  'Error: at the start',
  '    at looksLikeAFrame (a.js:1:1)',
  'Error: two\nlines',
  'Error: line\u2028separator',
  'Error: carriage\rreturn',
  'Error: user@example.com:8080 refused',
  `Error: ${'long '.repeat(500)}`,
  'Error: password=hunter2 token=abc',
];

describe("the stack cache's top frame for the fingerprint", () => {
  it('gives the fingerprint that searching the redacted stack gives, for every head and frames', () => {
    const redactStack = cachedStackRedactor((text) => redactString(text));
    let hinted = 0;
    const differ: string[] = [];
    for (const tail of frames)
      for (const head of heads) {
        const stored = redactStack(head + tail);
        const error = Object.assign(new AppError('boom'), { stack: stored });
        const hint = redactStack.topFrameOf(error.stack);
        if (hint !== undefined) hinted++;
        if (fingerprintWith(error, hint) !== fingerprint(error)) differ.push(head + tail);
      }
    expect(differ).toEqual([]);
    // The shortcut is taken where it may be (one-line heads that are no frame, V8 frames), not never.
    expect(hinted).toBeGreaterThan(20);
  });

  it('tells no top frame for a stack it did not return last', () => {
    const redactStack = cachedStackRedactor((text) => redactString(text));
    const first = redactStack(`Error: one${frames[0]}`);
    redactStack(`Error: two${frames[1]}`);
    expect(redactStack.topFrameOf(first)).toBeUndefined();
    expect(redactStack.topFrameOf(`Error: one${frames[0]}`)).toBeUndefined();
  });

  it('stores each capture under the fingerprint of its stored error, thrown from sites met in turn', () => {
    const resilience = createResilience({ burst: { limit: Infinity, budgetMs: Infinity } });
    const throwers = [
      (m: string) => new Error(m),
      (m: string) => new TypeError(m),
      (m: string) =>
        Object.assign(new Error(m), { stack: `Error: ${m}\nat home (a.js:1:1)\n    at x (b.js:1:1)` }),
      (m: string) => Object.assign(new Error(m), { stack: `Error: ${m}\nsave@https://a.example/a.js:1:2` }),
    ];
    const records = Array.from({ length: 40 }, (_, i) =>
      resilience.capture(
        throwers[i % throwers.length]!(i % 5 === 0 ? `first\nat second ${i}` : `Widget ${i} failed`),
      ),
    );
    expect(records.filter((r) => r.fingerprint !== fingerprint(r.error))).toEqual([]);
  });
});
