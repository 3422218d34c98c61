// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ErrorRecord } from '../types';

export interface ErrorStoreState {
  /** Records, newest last; bounded by `historyLimit`. */
  records: readonly ErrorRecord[];
  /** Inserts a new record or replaces the one with the same fingerprint. */
  upsert: (record: ErrorRecord) => void;
  dismiss: (id: string) => void;
  resolve: (id: string) => void;
  clear: () => void;
}

export interface ErrorStoreOptions {
  /** @default 100 */
  historyLimit?: number;
}

export type ErrorStore = StoreApi<ErrorStoreState>;

export function createErrorStore(options: ErrorStoreOptions = {}): ErrorStore {
  const limit = options.historyLimit ?? 100;
  return createStore<ErrorStoreState>()((set) => ({
    records: [],
    upsert: (record) =>
      set((s) => ({
        records: [...s.records.filter((r) => r.fingerprint !== record.fingerprint), record].slice(-limit),
      })),
    dismiss: (id) =>
      set((s) => ({ records: s.records.map((r) => (r.id === id ? { ...r, status: 'dismissed' } : r)) })),
    resolve: (id) =>
      set((s) => ({ records: s.records.map((r) => (r.id === id ? { ...r, status: 'recovered' } : r)) })),
    clear: () => set({ records: [] }),
  }));
}
