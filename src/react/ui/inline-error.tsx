import type { AppError } from '../../core/errors/app-error';
import type { ErrorRecord, RecoveryAction } from '../../core/types';
import { withBuiltInActions } from './built-in-actions';
import { ErrorDetails } from './error-details';
import { readError, readRecord } from './read-record';
import { RecoveryActions, usePrimaryKey, useRunAction } from './recovery-actions';
import { styles, surfaceFor } from './styles';

/** Props of {@link InlineError}. */
export interface InlineErrorProps {
  error: AppError;
  /** Recovery actions, best first; `primary` ones lead and answer Enter. */
  actions?: readonly RecoveryAction[];
  /** `card` for a feature-level area, `inline` for a component or a form field. @default 'inline' */
  variant?: 'inline' | 'card';
  record?: ErrorRecord;
  /** Give it an id so a field can point `aria-describedby` at it. */
  id?: string;
  /** Announce it at once (`role="alert"`): only for errors that appear without the user asking. @default false */
  interrupt?: boolean;
  /** @default 'end-user' */
  audience?: 'end-user' | 'developer';
}

/**
 * An error shown where it happened: a failed widget, a feature area (`variant="card"`) or a field.
 *
 * @example
 * <input aria-describedby="email-error" aria-invalid />
 * <InlineError id="email-error" error={error} actions={[{ id: 'retry', run: save, primary: true }]} />
 */
export function InlineError({
  error: given,
  actions = [],
  variant = 'inline',
  record: givenRecord,
  id,
  interrupt = false,
  audience,
}: InlineErrorProps) {
  const error = readError(given);
  const record = givenRecord && readRecord(givenRecord);
  const run = useRunAction(record);
  const sorted = withBuiltInActions(actions, error.actions);
  const onKeyDown = usePrimaryKey(sorted, run);
  const card = variant === 'card';
  return (
    <div
      id={id}
      role={interrupt ? 'alert' : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-bulwark="inline-error"
      data-variant={variant}
      style={
        card
          ? { ...surfaceFor(error.severity), padding: 20 }
          : { ...surfaceFor(error.severity), padding: '8px 12px' }
      }
    >
      <ErrorDetails error={error} record={record} audience={audience} titleAs={card ? 'h2' : 'p'} />
      <RecoveryActions actions={sorted} run={run} />
      {!card && error.fieldErrors && (
        <ul style={styles.muted}>
          {Object.entries(error.fieldErrors).flatMap(([field, messages]) =>
            messages.map((message) => <li key={`${field}:${message}`}>{message}</li>),
          )}
        </ul>
      )}
    </div>
  );
}
