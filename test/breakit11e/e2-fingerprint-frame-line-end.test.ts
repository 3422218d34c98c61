// Break-it 11e (E2): the fingerprint's top frame for a Firefox/Safari line (`fn@url:line:col`) now ends at the
// first \r, U+2028 or U+2029 after its start (fingerprint.ts `topFrame`: `lineEnd(text, start)`), where the
// RegExp before (807b3b0: `/^[^\n@]*@\S*:\d.*/m`, its match) ran across them up to the `@url:line:col`. So
// the frame becomes the text before the break (`load`), the URL is lost from the fingerprint, and two
// errors thrown at different sites (different files) get ONE fingerprint: one record, a wrong count.
// Fingerprints must be identical to the previous implementation for every error (issue 11).
// Run: npx vitest run --project unit test/breakit11e/e2-fingerprint-frame-line-end.test.ts
import { describe, expect, it } from 'vitest';
import { createResilience, fingerprint, normalizeError } from 'bulwark/core';

/** The previous implementation's top frame (git show 807b3b0:src/core/errors/fingerprint.ts). */
const oldTopFrame = (stack: string): string =>
  (/^[ \t]*at .*/m.exec(stack.slice(0, 20_000)) ?? /^[^\n@]*@\S*:\d.*/m.exec(stack.slice(0, 20_000)))?.[0] ??
  '';

const thrown = (stack: string): Error => {
  const error = new Error('Widget failed to load');
  error.stack = stack;
  return error;
};

describe('E2: a non-V8 frame line holding a \\r or U+2028 before its @url', () => {
  for (const br of ['\r', '\u2028', '\u2029']) {
    const a = `Error: Widget failed to load\nload${br}chunk@https://app.example/js/a.js:10:2`;
    const b = `Error: Widget failed to load\nload${br}chunk@https://app.example/js/b.js:99:7`;

    it(`the old top frame tells the two sites apart (${JSON.stringify(br)})`, () => {
      expect(oldTopFrame(a)).not.toBe(oldTopFrame(b));
    });

    it(`two throw sites get two fingerprints (fails: one) (${JSON.stringify(br)})`, () => {
      expect(fingerprint(normalizeError(thrown(a)))).not.toBe(fingerprint(normalizeError(thrown(b))));
    });

    it(`capture keeps two records with a count of 1 each (fails: one record, count 2) (${JSON.stringify(br)})`, () => {
      const resilience = createResilience();
      resilience.capture(thrown(a));
      resilience.capture(thrown(b));
      const { records } = resilience.store.getState();
      expect(records.map((r) => r.count)).toEqual([1, 1]);
    });
  }
});
