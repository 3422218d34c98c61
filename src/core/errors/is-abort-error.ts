import { readProperty } from './read-property';

/**
 * True for an abort (`AbortSignal.abort()`, `controller.abort()`, a cancelled fetch) from any realm
 * (an iframe, a worker, `node:vm`): recognised by its name, never by `instanceof` (issue 9). A
 * `TimeoutError` (`AbortSignal.timeout()`) is not an abort: it is a timeout. Never throws.
 *
 * @example
 * try { await fetch(url, { signal }); } catch (e) { if (isAbortError(e)) return; throw e; }
 */
export function isAbortError(value: unknown): boolean {
  return readProperty(value, 'name') === 'AbortError';
}
