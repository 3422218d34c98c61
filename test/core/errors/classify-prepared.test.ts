import { describe, expect, it } from 'vitest';
import { AppError, classifyError, type ClassificationRule } from 'bulwark/core';

const named = (name: string, message = 'x'): Error => Object.assign(new Error(message), { name });
const values: unknown[] = [
  new TypeError('Failed to fetch'),
  named('ChunkLoadError'),
  named('PaymentError', 'card declined'),
  Object.assign(new Error('quota'), { code: 'QUOTA', status: 429 }),
  { status: 503 },
  new AppError('saved elsewhere', { kind: 'conflict' }),
  'plain string',
];

describe('classification with tests prepared per table (issue 11)', () => {
  it('classifies as a fresh copy of the table does, after rules are replaced, reordered, added and removed in place', () => {
    const rules: ClassificationRule[] = [
      { name: 'payment', match: { name: 'PaymentError' }, classification: { kind: 'validation' } },
      { name: 'quota', match: { code: 'QUOTA', status: 429 }, classification: { kind: 'server' } },
      { name: 'any', match: (value) => typeof value === 'string', classification: { kind: 'render' } },
    ];
    const steps: (() => void)[] = [
      () => {},
      // The same rule object with another match.
      () => ((rules[0] as ClassificationRule).match = { message: /declined/ }),
      () => ((rules[1] as ClassificationRule).match = { status: /^5/ }),
      () => rules.reverse(),
      () =>
        rules.unshift({
          name: 'fetch',
          match: { message: 'Failed to fetch' },
          classification: { kind: 'offline' },
        }),
      () => rules.splice(1, 2),
      () => ((rules[0] as ClassificationRule).match = (value) => value instanceof AppError),
    ];
    const seen = new Set<string>();
    for (const step of steps) {
      step();
      for (const value of values) {
        const memo = classifyError(value, rules);
        expect(memo).toEqual(classifyError(value, [...rules]));
        seen.add(memo.kind);
      }
    }
    // The steps changed what the rules say, so a stale prepared test would have shown.
    expect(seen.size).toBeGreaterThan(5);
  });
});
