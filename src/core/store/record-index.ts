import type { ErrorRecord } from '../types';

/**
 * One store's records by fingerprint, valid for the store state it was made or carried for. A new
 * error's fingerprint is looked up rather than searched for: `capture` and the store's `upsert` each
 * scanned the history's 100 records for it (issue 11, tenth session). `upsert` carries the index to
 * the state it makes; any other change of state (`setState`, even with the same `records` array changed
 * in place, findings-11e E5; the other actions) makes a new state object, indexed when first asked.
 */
export interface RecordIndex {
  /**
   * The index of `state.records` (fingerprint → record), made in one pass unless `state` is the state
   * indexed last. `undefined` for a list the index cannot stand for, which callers search as before: an
   * entry that is not a record with a string fingerprint (`null`, a Proxy whose traps throw), or two
   * records with one fingerprint.
   */
  of: (state: { readonly records: readonly ErrorRecord[] }) => Map<string, ErrorRecord> | undefined;
  /**
   * Changes `index` (of the state indexed last) to stand for the list one upsert made of `from`:
   * `record` stored under its fingerprint, and the first `drop` records of `from` (cut by the history
   * limit) removed. No state has an index until {@link RecordIndex.adopt} names it.
   */
  carry: (
    index: Map<string, ErrorRecord>,
    from: readonly ErrorRecord[],
    record: ErrorRecord,
    drop: number,
  ) => void;
  /** Gives `index` to `state` once the upsert's state is set, if its `records` are still `records`. */
  adopt: (
    state: { readonly records: readonly ErrorRecord[] },
    records: readonly ErrorRecord[],
    index: Map<string, ErrorRecord>,
  ) => void;
  /** The record stored under `key` in `state` (the first one, as a search from the start finds it). */
  find: (state: { readonly records: readonly ErrorRecord[] }, key: string) => ErrorRecord | undefined;
}

function build(records: readonly ErrorRecord[]): Map<string, ErrorRecord> | undefined {
  const index = new Map<string, ErrorRecord>();
  try {
    for (const record of records) {
      const key = record?.fingerprint;
      if (typeof key !== 'string' || index.has(key)) return undefined;
      index.set(key, record);
    }
  } catch {
    return undefined;
  }
  return index;
}

/** Creates a store's {@link RecordIndex}. */
export function createRecordIndex(): RecordIndex {
  // One state at a time, held here rather than in a WeakMap: a repeated capture's upsert moves it with a
  // write, where a WeakMap's delete and set cost a tenth of the capture.
  let indexed: object | undefined;
  let index: Map<string, ErrorRecord> | undefined;
  const of: RecordIndex['of'] = (state) => {
    if (state !== indexed) {
      indexed = state;
      index = build(state.records);
    }
    return index;
  };
  return {
    of,
    carry: (carried, from, record, drop) => {
      for (let i = 0; i < drop; i++) carried.delete((from[i] as ErrorRecord).fingerprint);
      carried.set(record.fingerprint, record);
      // The index no longer stands for the state it was made for.
      indexed = index = undefined;
    },
    adopt: (state, records, carried) => {
      if (state.records !== records || indexed !== undefined) return;
      indexed = state;
      index = carried;
    },
    find: (state, key) => {
      const known = of(state);
      return known ? known.get(key) : state.records.find((r) => r.fingerprint === key);
    },
  };
}
