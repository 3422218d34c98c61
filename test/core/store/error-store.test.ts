import { createErrorStore } from 'bulwark/core';
import { makeRecord } from '../../helpers/make-record';
import { describe, expect, it, vi } from 'vitest';

const rec = makeRecord;

describe('error store', () => {
  it('keeps one record per fingerprint, replacing it on recurrence', () => {
    const store = createErrorStore();
    store.getState().upsert(rec('a'));
    store.getState().upsert(rec('b'));
    store.getState().upsert(rec('a', { count: 2 }));
    expect(store.getState().records.map((r) => [r.fingerprint, r.count])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
  });

  it('drops the least recently seen record beyond the history limit', () => {
    const store = createErrorStore({ historyLimit: 3 });
    for (let i = 0; i < 250; i++) store.getState().upsert(rec(`f${i}`));
    expect(store.getState().records.map((r) => r.fingerprint)).toEqual(['f247', 'f248', 'f249']);
  });

  it('keeps 100 records by default', () => {
    const store = createErrorStore();
    for (let i = 0; i < 1000; i++) store.getState().upsert(rec(`f${i}`));
    expect(store.getState().records).toHaveLength(100);
  });

  it('dismisses and resolves by id, and clear empties records and rate', () => {
    const store = createErrorStore();
    store.getState().upsert(rec('a'));
    store.getState().upsert(rec('b'));
    store.getState().dismiss('id-a');
    store.getState().resolve('id-b');
    expect(store.getState().records.map((r) => r.status)).toEqual(['dismissed', 'recovered']);
    store.getState().clear();
    expect(store.getState()).toMatchObject({ records: [], rate: [] });
  });

  it('does not notify when an action changes nothing', () => {
    const store = createErrorStore();
    store.getState().upsert(rec('a'));
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().dismiss('missing');
    store.getState().dismiss('id-a');
    store.getState().dismiss('id-a');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps at most one rate bucket per second for the last minute', () => {
    const store = createErrorStore();
    for (let t = 0; t < 120_000; t += 250) store.getState().upsert(rec('a', { lastSeen: t }));
    const { rate } = store.getState();
    expect(rate).toHaveLength(60);
    expect(rate.every((b) => b.count === 4)).toBe(true);
  });

  it('drops every bucket past the minute, wherever it is, when the clock went back (issue 11)', () => {
    const store = createErrorStore();
    for (const lastSeen of [200_000, 100_000, 205_000, 150_000, 210_000])
      store.getState().upsert(rec('a', { lastSeen }));
    // At 210 s the window is (150 s, 210 s]: the 100 s bucket goes though a later one came before it.
    expect(store.getState().rate).toEqual([
      { second: 200, count: 1 },
      { second: 205, count: 1 },
      { second: 210, count: 1 },
    ]);
  });

  it('moves a recurring record last, and replaces the latest in place', () => {
    const store = createErrorStore();
    for (const key of ['a', 'b', 'c', 'a', 'a', 'c']) store.getState().upsert(rec(key, { count: 9 }));
    expect(store.getState().records.map((r) => r.fingerprint)).toEqual(['b', 'a', 'c']);
    expect(store.getState().records).toHaveLength(3);
  });

  it('keeps notifying other listeners when one throws, and reports the throw', () => {
    const onListenerError = vi.fn();
    const store = createErrorStore({ onListenerError });
    const boom = new Error('listener');
    store.subscribe(() => {
      throw boom;
    });
    const after = vi.fn();
    store.subscribe(after);
    expect(() => store.getState().upsert(rec('a'))).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(onListenerError).toHaveBeenCalledWith(boom);
  });
});
