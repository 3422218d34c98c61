/**
 * Wraps an async function so its first `times` calls reject with `error`, then it behaves:
 * the flaky dependency that retry and circuit-breaker tests need.
 *
 * @example
 * const flaky = failTimes(2, new Error('boom'), async () => 'ok');
 * await flaky().catch(() => {}); // boom
 * await flaky().catch(() => {}); // boom
 * await flaky(); // 'ok'
 */
export function failTimes<Args extends unknown[], Result>(
  times: number,
  error: unknown,
  fn: (...args: Args) => Result | Promise<Result>,
): (...args: Args) => Promise<Result> {
  let failuresLeft = times;
  return async (...args: Args): Promise<Result> => {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw error;
    }
    return fn(...args);
  };
}
