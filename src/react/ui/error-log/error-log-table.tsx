import { useState } from 'react';
import type { ErrorRecord } from '../../../core/types';
import type { ErrorLogApi } from '../../hooks/use-error-log';
import { styles } from '../styles';
import { uiText, useCatalog } from '../use-catalog';
import type { ErrorLogSortKey } from './filter-error-log';

/** Props of {@link ErrorLogTable}. */
export interface ErrorLogTableProps {
  log: Pick<ErrorLogApi, 'rows' | 'sort' | 'sortBy'>;
  /** Opens a record's details. */
  onView: (record: ErrorRecord) => void;
  /** Rows per page. @default 50 */
  pageSize?: number;
}

const cell = {
  padding: '4px 8px',
  borderBottom: '1px solid #e4e7eb',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

/**
 * The error log's table: a real `<table>` with column headers that sort (`aria-sort`), one page of rows at a
 * time. Paginated rather than virtualised: only `pageSize` rows are ever in the DOM, every row is a real table
 * row that screen readers and find-in-page see, and keyboard order stays the visual order.
 */
export function ErrorLogTable({ log, onView, pageSize = 50 }: ErrorLogTableProps) {
  const catalog = useCatalog();
  // Built here, not at module level: a module-level spread would keep `styles` in every bundle of `bulwark`.
  const messageButton = { ...styles.linkButton, marginTop: 0, textAlign: 'left' } as const;
  const [page, setPage] = useState(0);
  const { rows, sort, sortBy } = log;
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  // Filtering can shrink the rows under the current page: show the last page that exists.
  const current = Math.min(page, pageCount - 1);
  const start = current * pageSize;
  const visible = rows.slice(start, start + pageSize);
  const columns: [ErrorLogSortKey, string][] = [
    ['lastSeen', uiText(catalog, 'logLastSeen')],
    ['severity', uiText(catalog, 'logSeverity')],
    ['kind', uiText(catalog, 'logKind')],
    ['message', uiText(catalog, 'logMessage')],
    ['feature', uiText(catalog, 'logFeature')],
    ['count', uiText(catalog, 'logCount')],
    ['status', uiText(catalog, 'status')],
  ];
  const range = uiText(catalog, 'logRows', {
    from: rows.length === 0 ? 0 : start + 1,
    to: start + visible.length,
    total: rows.length,
  });
  return (
    <div>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: '0.92em' }}>
          <caption style={{ ...styles.muted, textAlign: 'left', captionSide: 'bottom' }}>{range}</caption>
          <thead>
            <tr>
              {columns.map(([key, label]) => (
                <th
                  key={key}
                  scope="col"
                  style={cell}
                  aria-sort={sort.key === key ? sort.direction : undefined}
                >
                  <button
                    type="button"
                    style={{ ...messageButton, fontWeight: 600 }}
                    onClick={() => sortBy(key)}
                  >
                    {label}
                    <span aria-hidden="true">
                      {sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((record) => (
              <tr key={record.id}>
                <td style={cell}>{new Date(record.lastSeen).toLocaleString()}</td>
                <td style={cell}>{record.error.severity}</td>
                <td style={cell}>{record.error.kind}</td>
                <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                  <button
                    type="button"
                    style={messageButton}
                    data-record-id={record.id}
                    onClick={() => onView(record)}
                  >
                    {record.error.message || record.error.code}
                  </button>
                </th>
                <td style={cell}>{record.context.feature ?? ''}</td>
                <td style={cell}>{record.count}</td>
                <td style={cell}>{record.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <p style={styles.muted}>{uiText(catalog, 'logNoRows')}</p>}
      {pageCount > 1 && (
        <div style={styles.actions}>
          <button
            type="button"
            style={styles.button}
            disabled={current === 0}
            onClick={() => setPage(current - 1)}
          >
            {uiText(catalog, 'logPrevious')}
          </button>
          <button
            type="button"
            style={styles.button}
            disabled={current >= pageCount - 1}
            onClick={() => setPage(current + 1)}
          >
            {uiText(catalog, 'logNext')}
          </button>
        </div>
      )}
      <p role="status" style={styles.visuallyHidden}>
        {range}
      </p>
    </div>
  );
}
