import { useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import type { AppError } from '../../core/errors/app-error';
import type { ErrorRecord, RecoveryAction } from '../../core/types';
import { rememberFocus, restoreFocus } from '../boundary/restore-focus';
import { withBuiltInActions } from './built-in-actions';
import { ErrorDetails } from './error-details';
import { readError, readRecord } from './read-record';
import { RecoveryActions, useRunAction } from './recovery-actions';
import { surfaceFor } from './styles';
import { uiText, useCatalog } from './use-catalog';

/** Props of {@link RecoveryDialog}. */
export interface RecoveryDialogProps {
  error: AppError;
  /** Recovery actions; the primary one gets focus when the dialog opens. @default [] */
  actions?: readonly RecoveryAction[];
  record?: ErrorRecord;
  /** Escape and a Close button dismiss it. @default true */
  dismissible?: boolean;
  /** Called when the user closes it (Escape or Close). */
  onDismiss?: () => void;
  /** @default 'end-user' */
  audience?: 'end-user' | 'developer';
}

/**
 * An accessible alert dialog (WAI-ARIA `alertdialog` on a native modal `<dialog>`): focus moves to
 * the primary action, Escape closes it when dismissible, focus returns where it was, and the page
 * behind is inert. Mount it to open it; unmount it to close it.
 *
 * @example
 * {record && <RecoveryDialog error={record.error} actions={actions} onDismiss={() => setRecord(null)} />}
 */
export function RecoveryDialog({
  error: given,
  actions = [],
  record: givenRecord,
  dismissible = true,
  onDismiss,
  audience,
}: RecoveryDialogProps) {
  const error = readError(given);
  const record = givenRecord && readRecord(givenRecord);
  const catalog = useCatalog();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();
  const run = useRunAction(record);
  const sorted = withBuiltInActions(actions, error.actions);
  // Read while rendering: the opener may leave the page in the same commit as the dialog comes.
  const [returnTo] = useState(rememberFocus);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom has no showModal: fall back to a plain open dialog there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    dialog.querySelector<HTMLElement>('[data-action]')?.focus();
    return () => {
      if (typeof dialog.close === 'function') dialog.close();
      restoreFocus(returnTo);
    };
  }, [returnTo]);

  // We handle Escape ourselves: preventing the keydown stops the native close, so a non-dismissible
  // dialog stays and a dismissible one tells its owner (who unmounts it). `cancel` covers other close
  // requests (a platform back gesture).
  const onCancel = (event: SyntheticEvent) => {
    event.preventDefault();
    if (dismissible) onDismiss?.();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) onCancel(event);
  };
  // Chromium closes anyway on a repeated Escape without user activation; reopen unless dismissed.
  const onClose = () => {
    const dialog = ref.current;
    if (!dialog?.isConnected || dialog.open) return;
    if (dismissible) onDismiss?.();
    else dialog.showModal();
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
      onClose={onClose}
      data-bulwark="recovery-dialog"
      style={{ ...surfaceFor(error.severity), padding: 24, width: 'min(32rem, calc(100vw - 32px))' }}
    >
      <ErrorDetails
        error={error}
        record={record}
        audience={audience}
        titleAs="h2"
        titleId={titleId}
        messageId={messageId}
      />
      <RecoveryActions
        actions={sorted}
        run={run}
        autoFocusPrimary
        onDismiss={dismissible ? onDismiss : undefined}
        dismissLabel={uiText(catalog, 'close')}
      />
    </dialog>
  );
}
