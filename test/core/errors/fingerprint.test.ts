import { describe, expect, it } from 'vitest';
import { AppError, fingerprint, HttpError, normalizeError } from 'bulwark/core';

const throwAt = (message: string): Error => new Error(message);
const throwElsewhere = (message: string): Error => new Error(message);

describe('fingerprint', () => {
  it('gives one fingerprint for the same error from 1,000 different ids', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const uuid = crypto.randomUUID();
      const hex = (i * 2654435761).toString(16).padStart(8, 'f');
      const message = `Order ${i} (${uuid}) of user${i}@example.com failed at /api/orders/${hex}?page=${i}&t=${Date.now() + i}`;
      keys.add(fingerprint(normalizeError(throwAt(message))));
    }
    expect(keys.size).toBe(1);
  });

  it('gives different fingerprints to different errors', () => {
    const errors = [
      normalizeError(throwAt('Cannot read properties of undefined')),
      normalizeError(throwAt('Cannot read properties of null')),
      normalizeError(new TypeError('Failed to fetch')),
      normalizeError({ status: 500 }),
      normalizeError({ status: 503 }),
      new AppError('Cannot read properties of undefined', { kind: 'render' }),
      new AppError('Cannot read properties of undefined', { code: 'OTHER' }),
      new HttpError({ status: 500, url: 'https://api.example/orders' }),
      new HttpError({ status: 500, url: 'https://api.example/users' }),
    ];
    const keys = errors.map((error) => fingerprint(error));
    expect(new Set(keys).size).toBe(errors.length);
  });

  it('tells apart the same message thrown from different functions', () => {
    expect(fingerprint(normalizeError(throwAt('boom')))).not.toBe(
      fingerprint(normalizeError(throwElsewhere('boom'))),
    );
  });

  it('ignores line and column numbers, query strings and bundle hashes in the top frame', () => {
    const withStack = (stack: string) => Object.assign(new AppError('boom'), { stack });
    const a = withStack(
      'Error: boom\n    at save (https://app.example/assets/index-4f5a6b7c.js?v=1:10:5)\n    at x',
    );
    const b = withStack(
      'Error: boom\n    at save (https://app.example/assets/index-9e8d7c6b.js?v=2:812:17)\n    at y',
    );
    const c = withStack('Error: boom\n    at load (https://app.example/assets/index-4f5a6b7c.js:10:5)');
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
  });

  it('reads Firefox and Safari stack frames', () => {
    const withStack = (stack: string) => Object.assign(new AppError('boom'), { stack });
    expect(fingerprint(withStack('save@https://app.example/a.js:1:2\nx@b.js:3:4'))).toBe(
      fingerprint(withStack('save@https://app.example/a.js:9:9\ny@c.js:1:1')),
    );
    expect(fingerprint(withStack('save@https://app.example/a.js:1:2'))).not.toBe(
      fingerprint(withStack('load@https://app.example/a.js:1:2')),
    );
  });

  it('is short, prefixed with the kind, and the same on every call', () => {
    const error = normalizeError(new TypeError('Failed to fetch'));
    const key = fingerprint(error);
    expect(key).toMatch(/^network:[0-9a-z]{1,11}$/);
    expect(fingerprint(error)).toBe(key);
  });

  it('handles errors without a stack and with huge messages', () => {
    const error = new AppError('x'.repeat(1_000_000));
    error.stack = undefined;
    expect(fingerprint(error)).toMatch(/^unknown:/);
  });

  it('gives every throw site the fingerprint it had, after more sites than its cache keeps (issue 11)', () => {
    // Each site's top frame is cleaned once and remembered, 64 at most: a site let go is cleaned again.
    const sites = Array.from(
      { length: 100 },
      (_, i) =>
        `    at site${'x'.repeat(i % 7)}_${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : String.fromCharCode(97 + Math.floor(i / 26))} (https://app.example/chunk-${i}.js?v=${i}:${i + 1}:${i + 2})`,
    );
    const at = (site: string) =>
      Object.assign(new Error('Widget failed'), { stack: `Error: Widget failed\n${site}` });
    const first = sites.map((site) => fingerprint(normalizeError(at(site))));
    expect(new Set(first).size).toBe(100);
    const again = sites.map((site) => fingerprint(normalizeError(at(site))));
    expect(again).toEqual(first);
    // Line and column are cleaned away (they differ per build), and so is the query.
    const moved = sites[0]!.replace(':1:2)', ':7:9)').replace('?v=0', '?v=9');
    expect(fingerprint(normalizeError(at(moved)))).toBe(first[0]);
  });
});
