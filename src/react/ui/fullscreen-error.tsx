import { useEffect, useId, useRef, useState } from 'react';
import type { AppError } from '../../core/errors/app-error';
import type { ErrorRecord, RecoveryAction } from '../../core/types';
import { rememberFocus, restoreFocus } from '../boundary/restore-focus';
import { withBuiltInActions } from './built-in-actions';
import { ErrorDetails } from './error-details';
import { readError, readRecord } from './read-record';
import { RecoveryActions, usePrimaryKey, useRunAction } from './recovery-actions';
import { styles } from './styles';
import { entryFor, uiText, useCatalog } from './use-catalog';

/** Props of {@link FullscreenError}. */
export interface FullscreenErrorProps {
  error: AppError;
  /** The caller's actions (e.g. retry), shown before reload and go home. @default [] */
  actions?: readonly RecoveryAction[];
  record?: ErrorRecord;
  /** Where "Contact support" links to; no link when absent. */
  supportHref?: string;
  /** @default 'end-user' */
  audience?: 'end-user' | 'developer';
  /**
   * True when this replaces the page that failed (a page boundary's fallback): the page's unsaved
   * input is gone with it, so it says so rather than promising it is kept, and a render error gets
   * the page-level wording (catalog key `render-page`). @default false (covering a page that still works)
   */
  replacesPage?: boolean;
  /** Retries ran out: say so (`ui.retryExhausted`) rather than suggest trying again. @default false */
  retryExhausted?: boolean;
}

/**
 * The page-level error state: what happened, what happened to the user's data, and a way out
 * (the caller's actions, reload, go home, contact support). Takes focus when it appears, so Enter
 * runs the primary action.
 *
 * @example
 * <FullscreenError error={error} actions={[{ id: 'retry', run: reset, primary: true }]} supportHref="/help" />
 */
export function FullscreenError({
  error: given,
  actions = [],
  record: givenRecord,
  supportHref,
  audience,
  replacesPage = false,
  retryExhausted = false,
}: FullscreenErrorProps) {
  const error = readError(given);
  const record = givenRecord && readRecord(givenRecord);
  const catalog = useCatalog();
  const run = useRunAction(record);
  const sorted = withBuiltInActions(actions, [...error.actions, 'reload', 'go-home']);
  const onKeyDown = usePrimaryKey(sorted, run);
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();
  // Read while rendering, before this view takes focus.
  const [returnTo] = useState(rememberFocus);
  useEffect(() => {
    ref.current?.focus();
    // As a dialog does: when this view goes (its retry worked), focus goes back where it was, or near it.
    return () => restoreFocus(returnTo);
  }, [returnTo]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      data-bulwark="fullscreen-error"
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 24,
        background: '#f5f7fa',
        boxSizing: 'border-box',
      }}
    >
      <div style={{ ...styles.surface, padding: 32, width: '100%' }}>
        <ErrorDetails
          error={error}
          record={record}
          audience={audience}
          titleAs="h1"
          titleId={titleId}
          messageKey={replacesPage ? `${error.kind}-page` : undefined}
          retryExhausted={retryExhausted}
        />
        {/* Say what happened to the user's data, unless the catalog message already does. */}
        {replacesPage ? (
          <p style={styles.muted}>{uiText(catalog, 'dataMaybeLost')}</p>
        ) : (
          !entryFor(catalog, error).message.includes(uiText(catalog, 'dataSafe')) && (
            <p style={styles.muted}>{uiText(catalog, 'dataSafe')}</p>
          )
        )}
        <RecoveryActions actions={sorted} run={run} />
        {supportHref && (
          <p style={styles.message}>
            <a href={supportHref} style={{ color: '#1d4ed8' }}>
              {catalog.actions['contact-support']}
            </a>
          </p>
        )}
      </div>
    </section>
  );
}
