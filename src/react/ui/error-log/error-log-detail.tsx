import { useEffect, useRef } from 'react';
import type { ErrorRecord } from '../../../core/types';
import { ErrorDetails } from '../error-details';
import { RecoveryActions, useRunAction } from '../recovery-actions';
import { styles } from '../styles';
import { uiText, useCatalog } from '../use-catalog';

/** Props of {@link ErrorLogDetail}. */
export interface ErrorLogDetailProps {
  record: ErrorRecord;
  onClose: () => void;
}

/**
 * One record in the error log: the redacted technical details (`ErrorDetails`, opened for developers)
 * and the record's recovery actions. Takes focus when it opens; Escape closes it.
 */
export function ErrorLogDetail({ record, onClose }: ErrorLogDetailProps) {
  const catalog = useCatalog();
  const run = useRunAction(record);
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), [record.id]);
  return (
    <section
      ref={region}
      tabIndex={-1}
      aria-label={record.error.message || record.error.code}
      style={{ ...styles.surface, maxWidth: 'none', marginTop: 12 }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) onClose();
      }}
    >
      <ErrorDetails error={record.error} record={record} audience="developer" titleAs="h3" />
      <RecoveryActions
        actions={record.context.actions ?? []}
        run={run}
        onDismiss={onClose}
        dismissLabel={uiText(catalog, 'close')}
      />
    </section>
  );
}
