import type { Resilience } from '../resilience';
import { reloadOnce, type ReloadOnceOptions } from './reload-once';

/**
 * Reloads the page once when a `chunk-load` error is captured (a lazy route or component whose file is gone after
 * a deploy), from a boundary, a hook or a global handler alike; {@link reloadOnce} guards against a reload loop.
 * Returns a function that stops watching.
 *
 * @example
 * const stop = reloadOnChunkError(resilience);
 */
export function reloadOnChunkError(
  resilience: Pick<Resilience, 'store'>,
  options: ReloadOnceOptions = {},
): () => void {
  return resilience.store.subscribe((state, previous) => {
    // The store keeps the most recently seen record last; a new occurrence replaces it with a higher count.
    const latest = state.records.at(-1);
    if (latest?.error.kind !== 'chunk-load') return;
    const before = previous.records.find((record) => record.id === latest.id);
    if (!before || before.count !== latest.count) reloadOnce(options);
  });
}
