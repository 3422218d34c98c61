import { useId, type CSSProperties } from 'react';
import type { AppError } from '../../core/errors/app-error';
import type { ErrorRecord, RecoveryAction } from '../../core/types';
import { withBuiltInActions } from './built-in-actions';
import { ErrorDetails } from './error-details';
import { readError, readRecord } from './read-record';
import { ErrorIcon } from './error-icon';
import { RecoveryActions, usePrimaryKey, useRunAction } from './recovery-actions';
import { styles, surfaceFor } from './styles';
import { entryFor, uiText, useCatalog } from './use-catalog';

/** Props of {@link InlineError}. */
export interface InlineErrorProps {
  error: AppError;
  /** Recovery actions, best first; `primary` ones lead and answer Enter. */
  actions?: readonly RecoveryAction[];
  /**
   * `card` for a feature-level area, `inline` for a form field or a block of content, `compact` for a small
   * widget (an avatar, a badge): one line with an icon, the title and one action (Retry, else the first
   * other action, such as Reload page once retries ran out).
   * @default 'inline'
   */
  variant?: 'inline' | 'card' | 'compact';
  record?: ErrorRecord;
  /** Give it an id so a field can point `aria-describedby` at it. */
  id?: string;
  /** Announce it at once (`role="alert"`): only for errors that appear without the user asking. @default false */
  interrupt?: boolean;
  /** @default 'end-user' */
  audience?: 'end-user' | 'developer';
  /** Retries ran out: say so (`ui.retryExhausted`) rather than suggest trying again. @default false */
  retryExhausted?: boolean;
}

// Stacked fallbacks (two failed features in a column) stay apart; adjacent vertical margins collapse.
const spacing: Record<NonNullable<InlineErrorProps['variant']>, CSSProperties> = {
  card: { padding: 20, margin: '12px 0' },
  inline: { padding: '8px 12px', margin: '8px 0' },
  compact: {
    padding: '4px 8px',
    margin: '4px 0',
    display: 'flex',
    alignItems: 'center',
    gap: 8,
    fontSize: 14,
  },
};

/**
 * An error shown where it happened: a failed widget (`variant="compact"`), a block or a field
 * (`inline`), or a feature area (`card`).
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
  retryExhausted = false,
}: InlineErrorProps) {
  const error = readError(given);
  const record = givenRecord && readRecord(givenRecord);
  const catalog = useCatalog();
  const titleId = useId();
  const run = useRunAction(record);
  const sorted = withBuiltInActions(actions, error.actions);
  const onKeyDown = usePrimaryKey(sorted, run);
  const card = variant === 'card';
  const style = { ...surfaceFor(error.severity), ...spacing[variant] };
  const common = {
    id,
    role: interrupt ? 'alert' : undefined,
    tabIndex: -1,
    onKeyDown,
    'data-bulwark': 'inline-error',
    'data-variant': variant,
  };
  if (variant === 'compact') {
    // One action fits a widget's line: Retry, or once retries ran out the next way out (Reload page), so
    // the user is never left without one (issue 10).
    const retry = sorted.find((a) => a.id === 'retry');
    const action = retry ?? sorted[0];
    return (
      <div {...common} style={style}>
        <ErrorIcon color={styles.accent[error.severity]} />
        <span id={titleId} style={{ ...styles.title, flex: '1 1 auto', minWidth: 0 }}>
          {entryFor(catalog, error).title}
        </span>
        {action && (
          <button
            type="button"
            data-action={action.id}
            aria-describedby={titleId}
            style={{ ...styles.button, padding: '2px 10px' }}
            onClick={() => run(action)}
          >
            {action.label ??
              (action === retry ? uiText(catalog, 'retryShort') : catalog.actions[action.id]) ??
              action.id}
          </button>
        )}
      </div>
    );
  }
  return (
    <div {...common} style={style}>
      <ErrorDetails
        error={error}
        record={record}
        audience={audience}
        titleAs={card ? 'h2' : 'p'}
        retryExhausted={retryExhausted}
      />
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
