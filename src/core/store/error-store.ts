import { createStore } from 'zustand/vanilla';
import type { ErrorRecord, RecordStatus } from '../types';
import type { ErrorStore, ErrorStoreOptions, ErrorStoreState, RateBucket } from './types';

export const DEFAULT_HISTORY_LIMIT = 100;
const RATE_WINDOW_SECONDS = 60;

/** Adds one occurrence at `time` to the per-second buckets, dropping buckets older than a minute. */
function addToRate(rate: readonly RateBucket[], time: number): RateBucket[] {
  const second = Math.floor(time / 1000);
  const inWindow = (b: RateBucket) => b.second > second - RATE_WINDOW_SECONDS;
  // Most captures find every bucket in the window: then a plain copy, without a callback per bucket.
  let stale = false;
  for (const bucket of rate) if (!inWindow(bucket)) stale = true;
  const kept = stale ? rate.filter(inWindow) : rate.slice();
  const last = kept.at(-1);
  if (last?.second === second) kept[kept.length - 1] = { second, count: last.count + 1 };
  else kept.push({ second, count: 1 });
  return kept;
}

/** Whether a record before `end` has fingerprint `key`: the store keeps one per fingerprint, but `setState` may give it any list. */
function hasOther(records: readonly ErrorRecord[], key: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (records[i]?.fingerprint === key) return true;
  return false;
}

/** The last index of a record with fingerprint `key`, or -1. */
function indexOf(records: readonly ErrorRecord[], key: string): number {
  for (let i = records.length - 1; i >= 0; i--) if (records[i]?.fingerprint === key) return i;
  return -1;
}

/** Each store's lookup by fingerprint (see `findRecord`). A registry of the stores made here, not app state. */
const finders = /* @__PURE__ */ new WeakMap<ErrorStore, (key: string) => ErrorRecord | undefined>();

/**
 * The first of a store's records with fingerprint `key`, as `records.find((r) => r.fingerprint === key)`
 * gives it, without scanning the records when the store keeps an index of them (issue 11: `capture` looks
 * up every new error's fingerprint, and the scan of 100 records was 3% of it).
 */
export function findRecord(store: ErrorStore, key: string): ErrorRecord | undefined {
  const find = finders.get(store);
  return find ? find(key) : store.getState().records.find((r) => r.fingerprint === key);
}

/**
 * Creates the error store: one record per fingerprint, bounded history, and the actions the UI needs.
 * Listener errors are caught per listener, so one broken subscriber cannot stop `capture` or the others.
 *
 * @example
 * const store = createErrorStore({ historyLimit: 50 });
 * const unsubscribe = store.subscribe((state) => console.log(state.records.length));
 */
export function createErrorStore(options: ErrorStoreOptions = {}): ErrorStore {
  const limit = Math.max(1, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  const onListenerError = options.onListenerError ?? (() => {});

  // An index of one records list by fingerprint: `indexed`, a list of records with string fingerprints,
  // no two alike. `upsert` keeps it for the list it makes from the indexed one; any other change leaves
  // a list that is indexed again when looked up (or, when it holds anything else, scanned).
  let indexed: readonly ErrorRecord[] | undefined;
  let unindexable: readonly ErrorRecord[] | undefined;
  const index = new Map<string, ErrorRecord>();
  const indexOn = (records: readonly ErrorRecord[]): boolean => {
    if (records === indexed) return true;
    if (records === unindexable) return false;
    index.clear();
    indexed = undefined;
    for (const record of records) {
      const key = typeof record === 'object' && record !== null ? record.fingerprint : undefined;
      if (typeof key !== 'string' || index.has(key)) {
        unindexable = records;
        index.clear();
        return false;
      }
      index.set(key, record);
    }
    indexed = records;
    return true;
  };

  const store = createStore<ErrorStoreState>()((set) => {
    const setStatus = (id: string, status: RecordStatus) =>
      set((s) => {
        const index = s.records.findIndex((r) => r.id === id);
        const found = s.records[index];
        if (!found || found.status === status) return s;
        const records = s.records.slice();
        records[index] = { ...found, status };
        return { records };
      });
    // One state change for a batch: a drained error storm notifies listeners once, not once per record.
    const upsertAll = (batch: readonly ErrorRecord[]) =>
      set((s) => {
        try {
          // As one `upsert` after another: a fingerprint met twice keeps its latest record, moved last.
          const latest = new Map<string, ErrorRecord>();
          let rate = s.rate;
          for (const record of batch) {
            latest.delete(record.fingerprint);
            latest.set(record.fingerprint, record);
            rate = addToRate(rate, record.lastSeen);
          }
          const only = batch.length === 1 ? batch[0]?.fingerprint : undefined;
          const records = s.records.filter((r) =>
            only ? r?.fingerprint !== only : !latest.has(r?.fingerprint),
          );
          records.push(...latest.values());
          if (records.length > limit) records.splice(0, records.length - limit);
          return { records, rate };
        } catch {
          // Not records (null, a Proxy whose traps throw): nothing to store (issue 9).
          return s;
        }
      });
    // `upsertAll([record])` without its Map and spread: one capture is one upsert (issue 11).
    const upsert = (record: ErrorRecord) =>
      set((s) => {
        try {
          const rate = addToRate(s.rate, record.lastSeen);
          const key = record.fingerprint;
          // A storm repeats the latest record, and a new error has none: a copy without a callback per
          // record, and without the oldest the limit drops (issue 11).
          const last = s.records.length - 1;
          // An indexed list has no two records alike: where the key is, is where its one record is.
          const known = typeof key === 'string' && s.records.length <= limit && indexOn(s.records);
          const found = known ? index.get(key) : undefined;
          const at = known
            ? found === undefined
              ? -1
              : found === s.records[last]
                ? last
                : -2
            : indexOf(s.records, key);
          let records: ErrorRecord[];
          if (at === last && last >= 0 && (known || !hasOther(s.records, key, last))) {
            records = s.records.slice();
            records[last] = record;
          } else if (at === -1) {
            records = s.records.slice(Math.max(0, s.records.length + 1 - limit));
            records.push(record);
          } else {
            records = s.records.filter((r) => r?.fingerprint !== key);
            records.push(record);
          }
          if (records.length > limit) records.splice(0, records.length - limit);
          if (known) {
            // The records the limit dropped leave the index, the new one replaces its key's.
            const dropped = s.records.length + (at === -1 ? 1 : 0) - records.length;
            for (let i = 0; i < dropped; i++) index.delete((s.records[i] as ErrorRecord).fingerprint);
            index.set(key, record);
            indexed = records;
          }
          return { records, rate };
        } catch {
          // Not a record (null, a Proxy whose traps throw): nothing to store (issue 9).
          return s;
        }
      });
    return {
      records: [],
      rate: [],
      upsert,
      upsertAll,
      dismiss: (id) => setStatus(id, 'dismissed'),
      resolve: (id) => setStatus(id, 'recovered'),
      clear: () => set({ records: [], rate: [] }),
    };
  });

  finders.set(store, (key) => {
    const { records } = store.getState();
    return indexOn(records) ? index.get(key) : records.find((r) => r.fingerprint === key);
  });

  const subscribe = store.subscribe;
  store.subscribe = (listener) =>
    subscribe((state, previous) => {
      try {
        listener(state, previous);
      } catch (error) {
        onListenerError(error);
      }
    });
  return store;
}
