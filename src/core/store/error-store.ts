import { createStore } from 'zustand/vanilla';
import type { ErrorRecord, RecordStatus } from '../types';
import { createRecordIndex, type RecordIndex } from './record-index';
import type { ErrorStore, ErrorStoreOptions, ErrorStoreState, RateBucket } from './types';

export const DEFAULT_HISTORY_LIMIT = 100;
const RATE_WINDOW_SECONDS = 60;
/** Copies of `records` at most this long are made at their length (see `appended`). */
const MAX_PREALLOCATED = 10_000;

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

/**
 * `records` without its first `drop` items, then `record`, in one array of exactly that length: `slice`
 * then `push` grew the copy's backing store by half again, the largest allocation of a new error's capture,
 * and `concat` or `copyWithin` cost 2–10× a loop (issue 11, tenth session).
 */
function appended(records: readonly ErrorRecord[], drop: number, record: ErrorRecord): ErrorRecord[] {
  const length = records.length - drop + 1;
  // V8 makes `new Array(n)` past ~100,000 items a dictionary, slow to read: a huge `historyLimit` copies as before.
  if (length > MAX_PREALLOCATED) {
    const grown = records.slice(drop);
    grown.push(record);
    return grown;
  }
  // Filled in full below: no hole is left.
  const copy = new Array<ErrorRecord>(length);
  for (let i = 0; i < length - 1; i++) copy[i] = records[i + drop] as ErrorRecord;
  copy[length - 1] = record;
  return copy;
}

/** The last index of a record with fingerprint `key`, or -1. */
function indexOf(records: readonly ErrorRecord[], key: string): number {
  for (let i = records.length - 1; i >= 0; i--) if (records[i]?.fingerprint === key) return i;
  return -1;
}

/** Each store's index of its records by fingerprint, for `capture` (a store made here always has one). */
const indexes = /* @__PURE__ */ new WeakMap<ErrorStore, RecordIndex>();

/** The record `store` holds under `fingerprint`, looked up in its index (searched for in a store made elsewhere). */
export function recordFinder(store: ErrorStore): (fingerprint: string) => ErrorRecord | undefined {
  const index = indexes.get(store);
  return (fingerprint) => {
    const state = store.getState();
    return index ? index.find(state, fingerprint) : state.records.find((r) => r.fingerprint === fingerprint);
  };
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
  const byFingerprint = createRecordIndex();
  const onListenerError = options.onListenerError ?? (() => {});

  /**
   * `upsert` on a list with an index (distinct fingerprints, so "every record with the key" is at most the
   * one the index holds): the same list as the search below makes, the index carried to it.
   */
  const indexedUpsert = (
    records: readonly ErrorRecord[],
    index: Map<string, ErrorRecord>,
    record: ErrorRecord,
  ): ErrorRecord[] => {
    const known = index.get(record.fingerprint);
    let next: ErrorRecord[];
    let drop = 0;
    if (known === undefined) {
      drop = Math.max(0, records.length + 1 - limit);
      next = appended(records, drop, record);
    } else if (records[records.length - 1] === known) {
      next = records.slice();
      next[next.length - 1] = record;
    } else {
      next = records.filter((r) => r !== known);
      next.push(record);
    }
    // Longer than the limit only when set so from outside: cut, and indexed afresh when next asked.
    if (next.length > limit) next.splice(0, next.length - limit);
    else {
      byFingerprint.carry(index, records, record, drop);
      pending.carried = { records: next, index };
    }
    return next;
  };
  /** What the running upsert carried the index to, for `adopt` once its state is set. */
  const pending: { carried?: { records: readonly ErrorRecord[]; index: Map<string, ErrorRecord> } } = {};

  const store = createStore<ErrorStoreState>()((set, get) => {
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
    const upserted = (s: ErrorStoreState, record: ErrorRecord): Partial<ErrorStoreState> => {
      try {
        const rate = addToRate(s.rate, record.lastSeen);
        const key = record.fingerprint;
        // Looked up, not searched for, where the list has an index (issue 11, tenth session).
        const index = typeof key === 'string' ? byFingerprint.of(s) : undefined;
        if (index) return { records: indexedUpsert(s.records, index, record), rate };
        // A storm repeats the latest record, and a new error has none: a copy without a callback per
        // record, and without the oldest the limit drops (issue 11).
        const last = s.records.length - 1;
        const at = indexOf(s.records, key);
        let records: ErrorRecord[];
        if (at === last && last >= 0 && !hasOther(s.records, key, last)) {
          records = s.records.slice();
          records[last] = record;
        } else if (at < 0) {
          records = appended(s.records, Math.max(0, s.records.length + 1 - limit), record);
        } else {
          records = s.records.filter((r) => r?.fingerprint !== key);
          records.push(record);
        }
        if (records.length > limit) records.splice(0, records.length - limit);
        return { records, rate };
      } catch {
        // Not a record (null, a Proxy whose traps throw): nothing to store (issue 9).
        return s;
      }
    };
    const upsert = (record: ErrorRecord) => {
      // The next state, not an updater made per call: V8 keeps a closure's optimized code only while a
      // closure of it lives, so one made per capture ran unoptimized after every major GC (issue 11).
      set(upserted(get(), record));
      // The state zustand made of it (unless a listener changed it since) is the one the index stands for.
      const done = pending.carried;
      pending.carried = undefined;
      if (done) byFingerprint.adopt(get(), done.records, done.index);
    };
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

  indexes.set(store, byFingerprint);
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
