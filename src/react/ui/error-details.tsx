import { useId, useState } from 'react';
import type { AppError } from '../../core/errors/app-error';
import { readProperty } from '../../core/errors/read-property';
import { defaultRedactor } from '../../core/errors/redact';
import { useOptionalResilience } from '../resilience-context';
import type { ErrorRecord } from '../../core/types';
import { DetailList } from './detail-list';
import { readError, readRecord } from './read-record';
import { styles } from './styles';
import { entryFor, uiText, useCatalog } from './use-catalog';

/** Props of {@link ErrorDetails}. */
export interface ErrorDetailsProps {
  error: AppError;
  /** The store record, for how often it happened and what was tried. */
  record?: ErrorRecord;
  /** `developer` opens every level and shows the raw message; `end-user` starts closed. @default 'end-user' */
  audience?: 'end-user' | 'developer';
  /** Element for the title. @default 'h2' */
  titleAs?: 'h1' | 'h2' | 'h3' | 'h4' | 'p';
  /** Ids for the title and message, so a dialog or field can point `aria-labelledby`/`-describedby` at them. */
  titleId?: string;
  messageId?: string;
  /** Catalog key to use instead of the error's own, when the place it is shown changes the story. @default error.messageKey */
  messageKey?: string;
  /**
   * "Try again" is no longer offered (a boundary's retries ran out): the message is `ui.retryExhausted`
   * instead of one that may suggest trying again. @default false
   */
  retryExhausted?: boolean;
}

const requestIdOf = (error: AppError): string | undefined => {
  const id = readProperty(error.context, 'requestId');
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

/**
 * Progressive disclosure of an error: title and plain message; "Show details" adds what was tried;
 * "Technical details" adds code, status, request id and the redacted stack, with a copy button.
 * Message and stack are redacted again as shown, with the app's redactor (`reporting.redact` of the
 * nearest `ResilienceProvider`'s instance; the default rules without one). Everything renders as text.
 *
 * @example
 * <ErrorDetails error={record.error} record={record} audience="developer" />
 */
export function ErrorDetails({
  error: given,
  record: givenRecord,
  audience = 'end-user',
  titleAs: Title = 'h2',
  titleId,
  messageId,
  messageKey,
  retryExhausted = false,
}: ErrorDetailsProps) {
  const catalog = useCatalog();
  const error = readError(given);
  const record = givenRecord && readRecord(givenRecord);
  const developer = audience === 'developer';
  const [open, setOpen] = useState(developer);
  const [technical, setTechnical] = useState(developer);
  const [copied, setCopied] = useState(false);
  const detailsId = useId();
  const technicalId = useId();
  const entry = (messageKey && catalog.messages[messageKey]) || entryFor(catalog, error);
  const context = record?.context;
  const requestId = requestIdOf(error);
  // Shown and copied redacted, whatever the error is and wherever it came from (a `records` prop, a
  // backend): with the app's own rules (`reporting.redact`) under a provider, else the defaults (issue 9).
  const redactor = useOptionalResilience()?.redactor ?? defaultRedactor;
  const message = redactor.redactString(error.message);
  const stack = error.stack ? redactor.redactString(error.stack) : undefined;
  const rows: [string, string][] = [
    [uiText(catalog, 'code'), redactor.redactString(error.code, 100)],
    ...(error.status === undefined
      ? []
      : [[uiText(catalog, 'status'), String(error.status)] as [string, string]]),
    ...(requestId === undefined
      ? []
      : [[uiText(catalog, 'requestId'), redactor.redactString(requestId, 200)] as [string, string]]),
  ];
  const copy = () => {
    const text = [message, ...rows.map(([k, v]) => `${k}: ${v}`), stack ?? ''].join('\n');
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  // Counted from the failure, not from "now", so rendering stays pure.
  const seconds =
    context?.nextRetryAt === undefined || !record
      ? undefined
      : Math.max(0, Math.ceil((context.nextRetryAt - record.lastSeen) / 1000));

  return (
    <div style={styles.text}>
      <Title id={titleId} style={Title === 'h1' ? { ...styles.title, fontSize: '1.4em' } : styles.title}>
        {entry.title}
      </Title>
      <p id={messageId} style={styles.message}>
        {retryExhausted ? uiText(catalog, 'retryExhausted') : entry.message}
      </p>
      <button
        type="button"
        style={styles.linkButton}
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {uiText(catalog, open ? 'hideDetails' : 'showDetails')}
      </button>
      <div id={detailsId} hidden={!open}>
        {record && record.count > 1 && (
          <p style={styles.muted}>{uiText(catalog, 'occurrences', { count: record.count })}</p>
        )}
        {context?.attempts !== undefined && (
          <p style={styles.muted}>{uiText(catalog, 'attempts', { count: context.attempts })}</p>
        )}
        {seconds !== undefined && <p style={styles.muted}>{uiText(catalog, 'nextRetry', { seconds })}</p>}
        <button
          type="button"
          style={styles.linkButton}
          aria-expanded={technical}
          aria-controls={technicalId}
          onClick={() => setTechnical(!technical)}
        >
          {uiText(catalog, 'technicalDetails')}
        </button>
        <div id={technicalId} hidden={!technical}>
          <p style={styles.muted} data-testid="error-message">
            {message}
          </p>
          <DetailList rows={rows} />
          {stack && (
            <pre style={styles.stack} tabIndex={0} aria-label={uiText(catalog, 'stack')}>
              {stack}
            </pre>
          )}
          <button type="button" style={{ ...styles.button, marginTop: 8 }} onClick={copy}>
            {uiText(catalog, 'copyDetails')}
          </button>
          <span role="status" style={{ ...styles.muted, marginLeft: 8 }}>
            {copied ? uiText(catalog, 'copied') : ''}
          </span>
        </div>
      </div>
    </div>
  );
}
