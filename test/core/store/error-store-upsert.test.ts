import { createErrorStore, type ErrorRecord } from 'bulwark/core';
import { recordFinder } from '../../../src/core/store/error-store';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../helpers/make-record';

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
      // Distinct keys, more than the limit: an index is made for it (tenth session).
      [makeRecord('p'), makeRecord('r'), makeRecord('s'), makeRecord('t'), makeRecord('u')],
      'r',
      'o',
      [makeRecord('p'), makeRecord('r'), makeRecord('s'), makeRecord('t'), makeRecord('u'), makeRecord('h')],
      'j',
      'j',
      't',
      'g',
      'h',
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

  it('finds a new fingerprint by its index as a search does, after upserts, storms and lists set from outside', () => {
    const limit = 5;
    const store = createErrorStore({ historyLimit: limit });
    const search = (key: string) => store.getState().records.find((r) => r.fingerprint === key);
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const find = recordFinder(store);
    const check = () => keys.forEach((key) => expect(find(key)).toBe(search(key)));
    for (const key of ['a', 'b', 'c', 'a', 'd', 'e', 'f', 'b', 'g', 'g']) {
      store.getState().upsert(makeRecord(key));
      check();
    }
    store.getState().upsertAll([makeRecord('h'), makeRecord('a'), makeRecord('h')]);
    check();
    store.getState().resolve(store.getState().records[0]!.id);
    check();
    store.setState({ records: [makeRecord('c'), makeRecord('d')] });
    check();
    store.getState().upsert(makeRecord('e'));
    check();
    store.getState().clear();
    check();
  });
});
