import { createErrorStore, type ErrorRecord } from 'bulwark/core';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../helpers/make-record';
import { findRecord } from '../../../src/core/store/error-store';

/** `upsert`'s records as it made them before its shortcuts: every record with the key filtered out, the new one last, the oldest past the limit dropped. */
const fullUpsert = (records: readonly ErrorRecord[], record: ErrorRecord, limit: number): ErrorRecord[] => {
  const kept = records.filter((r) => r?.fingerprint !== record.fingerprint);
  kept.push(record);
  if (kept.length > limit) kept.splice(0, kept.length - limit);
  return kept;
};

describe("the store's upsert shortcuts (issue 11)", () => {
  it('stores what filtering every record would, for new, latest and earlier keys, at and past the limit, with lists set from outside', () => {
    const limit = 4;
    const store = createErrorStore({ historyLimit: limit });
    let expected: ErrorRecord[] = [];
    const script: (string | ErrorRecord[])[] = [
      'a',
      'b',
      'a',
      'c',
      'd',
      'e',
      'e',
      'b',
      'f',
      'c',
      // A list set from outside: duplicates of one key, more records than the limit, a stray null.
      [makeRecord('x'), makeRecord('y'), makeRecord('x'), makeRecord('z'), makeRecord('w'), makeRecord('v')],
      'x',
      'q',
      'v',
      'v',
      [makeRecord('x'), makeRecord('x')],
      'x',
      'n',
      [makeRecord('m'), null as unknown as ErrorRecord, makeRecord('m')],
      'k',
      'm',
      'l',
    ];
    for (const step of script) {
      if (Array.isArray(step)) {
        store.setState({ records: step });
        expected = step.slice();
        continue;
      }
      const record = makeRecord(step, { count: expected.length + 1 });
      expected = fullUpsert(expected, record, limit);
      store.getState().upsert(record);
      expect(store.getState().records).toEqual(expected);
      // The very records, not copies.
      store.getState().records.forEach((r, i) => expect(r).toBe(expected[i]));
    }
  });

  it('finds by fingerprint what scanning the records finds, after every action and lists set from outside', () => {
    const limit = 5;
    const store = createErrorStore({ historyLimit: limit });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'x', 'y'];
    const scan = (key: string) => {
      try {
        return store.getState().records.find((r) => r.fingerprint === key);
      } catch (error) {
        return error instanceof TypeError ? 'throws' : 'other';
      }
    };
    const find = (key: string) => {
      try {
        return findRecord(store, key);
      } catch (error) {
        return error instanceof TypeError ? 'throws' : 'other';
      }
    };
    const up = (key: string) => () => store.getState().upsert(makeRecord(key, { count: Math.random() }));
    const steps: (() => void)[] = [
      ...'abcabdefgab'.split('').map(up),
      () => store.getState().dismiss('id-b'),
      up('b'),
      () => store.getState().resolve('id-a'),
      up('c'),
      () => store.getState().upsertAll([makeRecord('x'), makeRecord('a'), makeRecord('x')]),
      ...'yxgf'.split('').map(up),
      // Two records alike, then more than the limit, then a stray null: scanned, never indexed wrong.
      () => store.setState({ records: [makeRecord('a'), makeRecord('b', { count: 7 }), makeRecord('b')] }),
      ...'bcb'.split('').map(up),
      () => store.setState({ records: 'abcdefgx'.split('').map((k) => makeRecord(k)) }),
      ...'hax'.split('').map(up),
      () => store.setState({ records: [makeRecord('a'), null as unknown as ErrorRecord, makeRecord('c')] }),
      up('c'),
      up('d'),
      () => store.getState().clear(),
      ...'abcdefgabc'.split('').map(up),
    ];
    let found = 0;
    for (const step of steps) {
      step();
      for (const key of keys) {
        const expected = scan(key);
        expect(find(key)).toBe(expected);
        if (expected !== undefined) found++;
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
