/**
 * The longest delay `setTimeout` honours, in ms (2^31 − 1, about 24.8 days). Browsers and Node fire a
 * longer one (30 days, `Infinity`) after ~1 ms instead.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * `setTimeout` that cannot overflow: `Infinity` arms no timer at all ("never"), and a delay above
 * {@link MAX_TIMEOUT_MS} is waited in steps of at most that. A negative or `NaN` delay runs in the next
 * task, as `setTimeout` does. `unref: true` lets a Node process exit while it is pending.
 *
 * @returns a function that cancels it (safe to call more than once, or after it ran)
 */
export function safeTimeout(fn: () => void, ms: number, options: { unref?: boolean } = {}): () => void {
  if (ms === Infinity) return () => {};
  let left = ms > 0 ? ms : 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const step = Math.min(left, MAX_TIMEOUT_MS);
    left -= step;
    timer = setTimeout(left > 0 ? arm : fn, step);
    // Browsers' numeric timer ids have no `unref`.
    if (options.unref) (timer as { unref?: () => void }).unref?.();
  };
  arm();
  return () => clearTimeout(timer);
}
