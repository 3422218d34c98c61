/**
 * True for any object named `AbortError`: what `fetch` and `AbortSignal.abort()` reject with, a
 * `DOMException` from another realm (an iframe, a worker, jsdom) or an error library's own class.
 * Shape-based, as `instanceof` fails across realms. A `TimeoutError` (`AbortSignal.timeout()`) is
 * not an abort: it is a timeout. Never throws.
 *
 * @example
 * installGlobalHandlers(resilience, { ignore: ({ error }) => isAbortError(error) });
 */
export function isAbortError(value: unknown): boolean {
  try {
    return (
      ((typeof value === 'object' && value !== null) || typeof value === 'function') &&
      (value as { name?: unknown }).name === 'AbortError'
    );
  } catch {
    // A Proxy or getter that throws is not an abort.
    return false;
  }
}
