import { useResilience } from '../resilience-context';
import { RecoveryDialog } from './recovery-dialog';
import { usePresented } from './use-presented';
import { useSolePresenter } from './use-sole-presenter';

/** Props of {@link RecoveryDialogHost}. */
export interface RecoveryDialogHostProps {
  /** @default 200 */
  throttleMs?: number;
}

/**
 * Shows the one dialog-level record at a time (the most severe, then the newest). Rendered by
 * `<ResilienceProvider>` unless `presenters={false}`. One per instance shows dialogs (see `RecoveryToaster`).
 */
export function RecoveryDialogHost({ throttleMs }: RecoveryDialogHostProps) {
  const resilience = useResilience();
  const sole = useSolePresenter('RecoveryDialogHost');
  const { dialog } = usePresented(0, throttleMs);
  if (!dialog || !sole) return null;
  return (
    <RecoveryDialog
      key={dialog.id}
      error={dialog.error}
      record={dialog}
      actions={dialog.context.actions}
      onDismiss={() => resilience.dismiss(dialog.id)}
    />
  );
}
