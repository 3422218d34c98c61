import type { ErrorRecord } from '../types';

/**
 * The store's records by fingerprint, one index per `records` list (the state's array, which the store
 * never changes in place). A new error's fingerprint is looked up rather than searched for: `capture`
 * and the store's `upsert` each scanned the history's 100 records for it, about a tenth of a new
 * error's capture (issue 11, tenth session). Keyed by the list itself, so a list set from outside
 * (`setState`) gets its own index when first asked, and a superseded one is dropped with its list. A
 * memo of the lists, not app state.
 */
const indexes = /* @__PURE__ */ new WeakMap<readonly ErrorRecord[], Map<string, ErrorRecord>>();

/**
 * The index of `records`: fingerprint → its record. Made on first use (one pass). `undefined` for a list
 * the index cannot stand for, which callers then search as before: an entry that is not a record with a
 * string fingerprint (`null`, a Proxy whose traps throw), or two records with one fingerprint.
 */
export function recordIndex(records: readonly ErrorRecord[]): Map<string, ErrorRecord> | undefined {
  let index = indexes.get(records);
  if (index) return index;
  index = new Map();
  try {
    for (const record of records) {
      const key = record?.fingerprint;
      if (typeof key !== 'string' || index.has(key)) return undefined;
      index.set(key, record);
    }
  } catch {
    return undefined;
  }
  indexes.set(records, index);
  return index;
}

/**
 * Hands the index of `from` to `to`, its successor made by one upsert: `record` stored under its
 * fingerprint, and the first `drop` records of `from` (cut by the history limit) removed. `from` loses it.
 */
export function carryIndex(
  index: Map<string, ErrorRecord>,
  from: readonly ErrorRecord[],
  to: readonly ErrorRecord[],
  record: ErrorRecord,
  drop: number,
): void {
  for (let i = 0; i < drop; i++) index.delete((from[i] as ErrorRecord).fingerprint);
  index.set(record.fingerprint, record);
  indexes.delete(from);
  indexes.set(to, index);
}

/** The record stored under `key` in `records` (the first one, as a search from the start finds it). */
export function findRecord(records: readonly ErrorRecord[], key: string): ErrorRecord | undefined {
  const index = recordIndex(records);
  return index ? index.get(key) : records.find((r) => r.fingerprint === key);
}
