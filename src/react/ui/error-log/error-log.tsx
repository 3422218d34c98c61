import { useCallback, useId, useRef, useState } from 'react';
import type { ErrorRecord } from '../../../core/types';
import { useErrorLog, type UseErrorLogOptions } from '../../hooks/use-error-log';
import { styles } from '../styles';
import { uiText, useCatalog } from '../use-catalog';
import { downloadText, errorLogToCsv, errorLogToJson } from './error-log-export';
import { ErrorLogDetail } from './error-log-detail';
import { ErrorLogFilters } from './error-log-filters';
import { ErrorLogStats } from './error-log-stats';
import { ErrorLogTable } from './error-log-table';
import { useErrorLogShortcut } from './use-error-log-shortcut';

/** Props of {@link ErrorLog}. */
export interface ErrorLogProps extends UseErrorLogOptions {
  /** Rows per table page. @default 50 */
  pageSize?: number;
  /**
   * A keyboard shortcut that shows and hides the log, like `'Ctrl+Shift+E'` (modifiers Ctrl, Alt, Shift, Meta).
   * @default undefined (no shortcut)
   */
  shortcut?: string;
  /** Shown at first (uncontrolled). @default true */
  defaultOpen?: boolean;
  /** Shown (controlled). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * Receives each export instead of the browser download (to send it elsewhere, or in tests).
   * @default downloads `errors.csv` / `errors.json`
   */
  onExport?: (format: 'csv' | 'json', text: string, rows: readonly ErrorRecord[]) => void;
  /** Heading element. @default 'h2' */
  titleAs?: 'h1' | 'h2' | 'h3';
}

/**
 * A panel over the error store for support staff and developers: summary figures and an errors-per-minute
 * chart, a searchable, filterable, sortable table (paginated, fine with 10,000 records), a detail view with the
 * redacted technical details and recovery actions, and CSV/JSON export of the filtered rows with formula cells
 * neutralised. Every text comes from the catalog.
 *
 * @example
 * <ResilienceProvider resilience={resilience}>
 *   <ErrorLog shortcut="Ctrl+Shift+E" defaultOpen={false} />
 * </ResilienceProvider>
 */
export function ErrorLog({
  pageSize,
  shortcut,
  defaultOpen = true,
  open: controlledOpen,
  onOpenChange,
  onExport,
  titleAs: Title = 'h2',
  ...options
}: ErrorLogProps) {
  const catalog = useCatalog();
  const log = useErrorLog(options);
  const titleId = useId();
  const root = useRef<HTMLElement>(null);
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = controlledOpen ?? uncontrolledOpen;
  const [selectedId, setSelectedId] = useState<string>();
  const toggle = useCallback(() => {
    setUncontrolledOpen(!open);
    onOpenChange?.(!open);
  }, [open, onOpenChange]);
  useErrorLogShortcut(shortcut, toggle);
  if (!open) return null;

  const selected = selectedId === undefined ? undefined : log.records.find((r) => r.id === selectedId);
  const exportRows = (format: 'csv' | 'json') => {
    const text = format === 'csv' ? errorLogToCsv(log.rows) : errorLogToJson(log.rows);
    if (onExport) onExport(format, text, log.rows);
    else downloadText(`errors.${format}`, text, format === 'csv' ? 'text/csv' : 'application/json');
  };
  const close = () => {
    const id = selectedId;
    setSelectedId(undefined);
    // Back to the row that opened it, for keyboard users.
    queueMicrotask(() =>
      root.current?.querySelector<HTMLElement>(`[data-record-id="${CSS.escape(id ?? '')}"]`)?.focus(),
    );
  };

  return (
    <section ref={root} aria-labelledby={titleId} style={{ ...styles.surface, maxWidth: 'none' }}>
      <Title id={titleId} style={styles.title}>
        {uiText(catalog, 'errorLog')}
      </Title>
      <ErrorLogStats stats={log.stats} />
      <div style={{ ...styles.actions, alignItems: 'flex-end' }}>
        <ErrorLogFilters log={log} />
        <button type="button" style={styles.button} onClick={() => exportRows('csv')}>
          {uiText(catalog, 'logExportCsv')}
        </button>
        <button type="button" style={styles.button} onClick={() => exportRows('json')}>
          {uiText(catalog, 'logExportJson')}
        </button>
      </div>
      <ErrorLogTable log={log} onView={(record) => setSelectedId(record.id)} pageSize={pageSize} />
      {selected && <ErrorLogDetail record={selected} onClose={close} />}
    </section>
  );
}
