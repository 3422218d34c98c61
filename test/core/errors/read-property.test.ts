import { describe, expect, it } from 'vitest';
import { readOnce, readProperty } from '../../../src/core/errors/read-property';

/** An object whose getters count their runs and answer from `answers`, in turn. */
const counted = (answers: Record<string, unknown[]>) => {
  const runs: Record<string, number> = {};
  const value = {};
  for (const [key, list] of Object.entries(answers))
    Object.defineProperty(value, key, {
      get: () => list[(runs[key] = (runs[key] ?? 0) + 1) - 1],
    });
  return { value, runs };
};

describe('readProperty inside readOnce (issue 11: one lookup, the last object beside the memo)', () => {
  it('runs each getter once per readOnce, `undefined` answers and objects read in turn included', () => {
    const a = counted({ status: [undefined, 500], message: ['first', 'second'] });
    const b = counted({ status: [404, 410], code: [undefined, 'LATE'] });
    const seen = readOnce(() => {
      const reads: unknown[] = [];
      for (let i = 0; i < 3; i++)
        reads.push(
          readProperty(a.value, 'status'),
          readProperty(b.value, 'status'),
          readProperty(a.value, 'message'),
          readProperty(b.value, 'code'),
        );
      return reads;
    });
    expect(seen).toEqual([
      undefined,
      404,
      'first',
      undefined,
      undefined,
      404,
      'first',
      undefined,
      undefined,
      404,
      'first',
      undefined,
    ]);
    expect(a.runs).toEqual({ status: 1, message: 1 });
    expect(b.runs).toEqual({ status: 1, code: 1 });
    // A new readOnce reads afresh; outside one, every read runs the getter.
    expect(readOnce(() => [readProperty(a.value, 'status'), readProperty(b.value, 'code')])).toEqual([
      500,
      'LATE',
    ]);
    readProperty(a.value, 'message');
    readProperty(a.value, 'message');
    expect(a.runs).toEqual({ status: 2, message: 3 });
  });

  it('runs each getter once past the short list a memo starts as, and for objects met before and after', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `field${i}`);
    const wide = counted(Object.fromEntries(keys.map((key, i) => [key, [i, -1]])));
    const other = counted({ status: [500, -1] });
    const nested = counted({ code: ['E1', -1] });
    const seen = readOnce(() => {
      const reads: unknown[] = [];
      for (let round = 0; round < 2; round++)
        for (const key of keys) {
          reads.push(readProperty(wide.value, key));
          // Another object between two reads of the wide one, so its memo is found again by object.
          if (key.endsWith('7')) reads.push(readProperty(other.value, 'status'));
        }
      // A read that reads a third object while the second's read runs (a getter running a nested capture).
      const outer = {};
      Object.defineProperty(outer, 'message', { get: () => readProperty(nested.value, 'code') });
      reads.push(readProperty(outer, 'message'), readProperty(outer, 'message'));
      reads.push(readProperty(nested.value, 'code'));
      return reads;
    });
    expect(seen.filter((read) => read === -1)).toEqual([]);
    expect(seen.slice(-3)).toEqual(['E1', 'E1', 'E1']);
    expect(Object.values(wide.runs).every((runs) => runs === 1)).toBe(true);
    expect(Object.keys(wide.runs)).toHaveLength(40);
    expect(other.runs).toEqual({ status: 1 });
    expect(nested.runs).toEqual({ code: 1 });
  });
});
