import type { StoreApi } from 'zustand/vanilla';
import type { ErrorRecord } from '../types';

/** Occurrences counted in one second, for the error-rate selector. */
export interface RateBucket {
  /** Epoch second (`Math.floor(ms / 1000)`). */
  second: number;
  count: number;
}

/** The state of one app's error store. Read it with selectors; change it with the actions. */
export interface ErrorStoreState {
  /** One record per fingerprint, least recently seen first; bounded by `historyLimit`. */
  records: readonly ErrorRecord[];
  /** Occurrences per second over the last minute, oldest first (at most 60 buckets). */
  rate: readonly RateBucket[];
  /** Inserts a record, or replaces the one with the same fingerprint (moving it to the end). */
  upsert: (record: ErrorRecord) => void;
  /** `upsert` of each record in turn, as one state change (listeners hear once). */
  upsertAll: (records: readonly ErrorRecord[]) => void;
  /** The user closed it: hide it until it happens again. */
  dismiss: (id: string) => void;
  /** A recovery worked: hide it, and let the next occurrence start gently again. */
  resolve: (id: string) => void;
  /** Forgets every record and the rate history. */
  clear: () => void;
}

/** Options for {@link createErrorStore}. */
export interface ErrorStoreOptions {
  /** Records kept; the least recently seen is dropped first, so memory stays flat. @default 100 */
  historyLimit?: number;
  /** Called when a store listener throws; the error never reaches the code that changed the store. @default no-op */
  onListenerError?: (error: unknown) => void;
}

/** A vanilla zustand store of error records (`resilience.store`). */
export type ErrorStore = StoreApi<ErrorStoreState>;
