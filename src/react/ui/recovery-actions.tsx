import { useCallback, type KeyboardEvent } from 'react';
import type { ErrorRecord, RecoveryAction } from '../../core/types';
import { useOptionalResilience } from '../resilience-context';
import { styles } from './styles';
import { useCatalog } from './use-catalog';

/**
 * Runs an action through the instance (hides the record, resolves it when the promise fulfils,
 * captures a failure); outside a provider it just runs it, swallowing a failure.
 */
export function useRunAction(record?: ErrorRecord): (action: RecoveryAction) => void {
  const resilience = useOptionalResilience();
  return useCallback(
    (action: RecoveryAction) => {
      if (resilience) {
        void resilience.runAction(action, record);
        return;
      }
      try {
        void Promise.resolve(action.run()).catch(() => {});
      } catch {
        // Without a provider there is nowhere to send it; the app keeps running.
      }
    },
    [resilience, record],
  );
}

/**
 * "Enter runs the primary action" for a focusable container: only when the container itself has
 * focus, so Enter on a button, link or field keeps its own meaning; a handler that called
 * `preventDefault` wins.
 */
export function usePrimaryKey(actions: readonly RecoveryAction[], run: (action: RecoveryAction) => void) {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const primary = actions[0];
      if (event.key !== 'Enter' || event.defaultPrevented || event.target !== event.currentTarget || !primary)
        return;
      event.preventDefault();
      run(primary);
    },
    [actions, run],
  );
}

export interface RecoveryActionsProps {
  /** Sorted, primary first. */
  actions: readonly RecoveryAction[];
  run: (action: RecoveryAction) => void;
  /** Focus the primary action when mounted (dialogs). @default false */
  autoFocusPrimary?: boolean;
  /** An extra trailing button (Dismiss / Close). */
  onDismiss?: () => void;
  dismissLabel?: string;
}

/** The row of recovery buttons: primary first and filled, the rest outlined. */
export function RecoveryActions({
  actions,
  run,
  autoFocusPrimary = false,
  onDismiss,
  dismissLabel,
}: RecoveryActionsProps) {
  const catalog = useCatalog();
  if (actions.length === 0 && !onDismiss) return null;
  return (
    <div style={styles.actions}>
      {actions.map((action, index) => (
        <button
          key={action.id}
          type="button"
          data-action={action.id}
          autoFocus={autoFocusPrimary && index === 0}
          style={index === 0 ? { ...styles.button, ...styles.primaryButton } : styles.button}
          onClick={() => run(action)}
        >
          {action.label ?? catalog.actions[action.id] ?? action.id}
        </button>
      ))}
      {onDismiss && (
        <button
          type="button"
          data-action="dismiss"
          style={styles.button}
          onClick={onDismiss}
          autoFocus={autoFocusPrimary && actions.length === 0}
        >
          {dismissLabel ?? catalog.actions['dismiss'] ?? 'dismiss'}
        </button>
      )}
    </div>
  );
}
