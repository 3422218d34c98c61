import type { ErrorRecord } from '../../core/types';
import { withBuiltInActions } from './built-in-actions';
import { readRecord } from './read-record';
import { RecoveryActions, useRunAction } from './recovery-actions';
import { styles, toastSurface } from './styles';
import { entryFor, uiText, useCatalog } from './use-catalog';

/** The body of one toast: title, message, "N times", and the record's actions plus Dismiss. */
export function ToastContent({ record: given, onDismiss }: { record: ErrorRecord; onDismiss: () => void }) {
  const catalog = useCatalog();
  const record = readRecord(given) ?? readRecord({});
  const run = useRunAction(record);
  const entry = entryFor(catalog, record.error);
  const actions = withBuiltInActions(record.context.actions ?? [], record.error.actions);
  return (
    <div
      data-bulwark="toast"
      data-fingerprint={record.fingerprint}
      style={toastSurface(record.error.severity)}
    >
      <p style={styles.title}>{entry.title}</p>
      <p style={styles.message}>{entry.message}</p>
      {record.count > 1 && (
        <p style={styles.muted}>{uiText(catalog, 'occurrences', { count: record.count })}</p>
      )}
      <RecoveryActions actions={actions} run={run} onDismiss={onDismiss} />
    </div>
  );
}
