import type { RecoveryActionId } from '../../core/errors/types';
import type { RecoveryAction } from '../../core/types';

/** Actions that need no caller: they touch `window` only when clicked (SSR-safe). */
const BUILT_IN: Readonly<Record<string, () => void>> = {
  reload: () => window.location.reload(),
  'go-home': () => window.location.assign('/'),
  'go-back': () => window.history.back(),
};

/**
 * The caller's actions, primary first, then the suggested ids (usually `error.actions`) we can run
 * ourselves (reload, go home, go back) that the caller did not already offer. A `dismiss` id is left
 * to the component's own close button.
 */
export function withBuiltInActions(
  given: readonly RecoveryAction[],
  suggested: readonly RecoveryActionId[],
): RecoveryAction[] {
  const ids = new Set(given.map((a) => a.id));
  const extra = [...new Set(suggested)]
    .filter((id) => !ids.has(id) && id in BUILT_IN)
    .map((id): RecoveryAction => ({ id, run: BUILT_IN[id] as () => void }));
  const all = [...given.filter((a) => a.id !== 'dismiss'), ...extra];
  return all.sort((a, b) => Number(b.primary ?? false) - Number(a.primary ?? false));
}
