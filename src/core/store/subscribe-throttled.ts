import type { ErrorStore, ErrorStoreState } from './types';

/**
 * Subscribes with a trailing throttle: however many changes arrive, `listener` runs at most once
 * per `waitMs`, with the latest state. This is how presenters coalesce an error storm.
 *
 * @example
 * const stop = subscribeThrottled(resilience.store, (state) => render(state), 200);
 */
export function subscribeThrottled(
  store: ErrorStore,
  listener: (state: ErrorStoreState) => void,
  waitMs: number,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = store.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      listener(store.getState());
    }, waitMs);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
