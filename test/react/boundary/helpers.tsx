import { expectReactRenderError } from '../../helpers/console-errors';

/**
 * Throws `error` while rendering whenever `when()` is true; renders "ok" otherwise. Each explosion claims the
 * console errors React logs for it (see `expectReactRenderError`): they must come, and are silenced. `logged:
 * false` where React does not log it: a root with its own `onCaughtError`, or a boundary whose fallback then
 * throws, or on React 18 one that rethrows it (React logs only that last error).
 */
export function Bomb({
  error = new Error('boom'),
  when = () => true,
  logged = true,
}: {
  error?: unknown;
  when?: () => boolean;
  logged?: boolean;
}) {
  if (when()) {
    if (logged) expectReactRenderError('Bomb');
    throw error;
  }
  return <p>ok</p>;
}
