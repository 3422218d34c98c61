import { vi } from 'vitest';

/** Throws `error` while rendering whenever `when()` is true; renders "ok" otherwise. */
export function Bomb({
  error = new Error('boom'),
  when = () => true,
}: {
  error?: unknown;
  when?: () => boolean;
}) {
  if (when()) throw error;
  return <p>ok</p>;
}

/**
 * React logs every caught render error (and React 18 in development re-dispatches it as a window error, which
 * jsdom prints): keep the test output readable. Restored by `vi.restoreAllMocks()`.
 */
export function silenceReactErrors(): void {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
}
