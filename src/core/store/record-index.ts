import type { ErrorRecord } from '../types';

/**
 * One store's records by fingerprint, for the `records` list indexed last (the state's array, which the
 * store never changes in place). A new error's fingerprint is looked up rather than searched for:
 * `capture` and the store's `upsert` each scanned the history's 100 records for it (issue 11, tenth
 * session). `upsert` carries the index to the list it makes; a list set from outside (`setState`) or
 * made by another action is indexed when first asked.
 */
export interface RecordIndex {
  /**
   * The index of `records` (fingerprint → record), made in one pass unless it is the list indexed last.
   * `undefined` for a list the index cannot stand for, which callers search as before: an entry that is
   * not a record with a string fingerprint (`null`, a Proxy whose traps throw), or two records with one
   * fingerprint.
   */
  of: (records: readonly ErrorRecord[]) => Map<string, ErrorRecord> | undefined;
  /**
   * Hands the index of `from` to `next`, made from it by one upsert: `record` stored under its
   * fingerprint, and the first `drop` records of `from` (cut by the history limit) removed.
   */
  carry: (
    index: Map<string, ErrorRecord>,
    from: readonly ErrorRecord[],
    next: readonly ErrorRecord[],
    record: ErrorRecord,
    drop: number,
  ) => void;
  /** The record stored under `key` in `records` (the first one, as a search from the start finds it). */
  find: (records: readonly ErrorRecord[], key: string) => ErrorRecord | undefined;
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
  // One list at a time, held here rather than in a WeakMap by list: a repeated capture's upsert moves it
  // with a write, where a WeakMap's delete and set cost a tenth of the capture.
  let list: readonly ErrorRecord[] | undefined;
  let index: Map<string, ErrorRecord> | undefined;
  const of = (records: readonly ErrorRecord[]) => {
    if (records !== list) {
      list = records;
      index = build(records);
    }
    return index;
  };
  return {
    of,
    carry: (carried, from, next, record, drop) => {
      for (let i = 0; i < drop; i++) carried.delete((from[i] as ErrorRecord).fingerprint);
      carried.set(record.fingerprint, record);
      list = next;
      index = carried;
    },
    find: (records, key) => {
      const known = of(records);
      return known ? known.get(key) : records.find((r) => r.fingerprint === key);
    },
  };
}
