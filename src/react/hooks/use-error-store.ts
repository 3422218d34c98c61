import { useMemo, useSyncExternalStore } from 'react';
import { subscribeThrottled } from '../../core/store/subscribe-throttled';
import type { ErrorStore, ErrorStoreState } from '../../core/store/types';
import { useResilience } from '../resilience-context';

/** Options for {@link useErrorStore}. */
export interface UseErrorStoreOptions<T> {
  /** When two selections count as the same (no re-render). Use `shallow` for objects. @default Object.is */
  isEqual?: (a: T, b: T) => boolean;
  /** Re-check at most once per this many ms, however fast errors arrive; 0 checks on every change. @default 0 */
  throttleMs?: number;
}

const NO_OPTIONS = {};

/** Memoised per selector: the same state gives the same value, and an equal value keeps the old one. */
function snapshotReader<T>(
  store: ErrorStore,
  selector: (state: ErrorStoreState) => T,
  isEqual: (a: T, b: T) => boolean,
) {
  let last: { state: ErrorStoreState; value: T } | undefined;
  return (): T => {
    const state = store.getState();
    if (last?.state === state) return last.value;
    const value = selector(state);
    last = { state, value: last && isEqual(last.value, value) ? last.value : value };
    return last.value;
  };
}

/**
 * Selects a slice of the nearest error store; the component re-renders only when that slice changes.
 *
 * @example
 * const rate = useErrorStore((s) => selectErrorRate(s, Date.now()));
 * const counts = useErrorStore(selectCountsByKind, { isEqual: shallow });
 */
export function useErrorStore<T>(
  selector: (state: ErrorStoreState) => T,
  options: UseErrorStoreOptions<T> = NO_OPTIONS,
): T {
  const { store } = useResilience();
  const { isEqual = Object.is, throttleMs = 0 } = options;
  const subscribe = useMemo(
    () => (onChange: () => void) =>
      throttleMs > 0 ? subscribeThrottled(store, onChange, throttleMs) : store.subscribe(onChange),
    [store, throttleMs],
  );
  const getSnapshot = useMemo(() => snapshotReader(store, selector, isEqual), [store, selector, isEqual]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
