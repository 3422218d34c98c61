import type { ErrorRecord } from '../../../core/types';
import { CSV_BOM, toCsv } from './to-csv';

/** The columns of an export, in order. */
export const ERROR_LOG_EXPORT_COLUMNS = [
  'id',
  'lastSeen',
  'firstSeen',
  'severity',
  'kind',
  'code',
  'status',
  'message',
  'feature',
  'boundary',
  'count',
  'fingerprint',
] as const;

const iso = (ms: number): string => (Number.isFinite(ms) ? new Date(ms).toISOString() : '');

/** One exported row: plain, redacted data (the store holds only redacted data), no callbacks. */
export type ErrorLogExportRow = Record<(typeof ERROR_LOG_EXPORT_COLUMNS)[number], string | number>;

export function toExportRow(record: ErrorRecord): ErrorLogExportRow {
  const { error, context } = record;
  return {
    id: record.id,
    lastSeen: iso(record.lastSeen),
    firstSeen: iso(record.firstSeen),
    severity: error.severity,
    kind: error.kind,
    code: error.code,
    status: record.status,
    message: error.message,
    feature: context.feature ?? '',
    boundary: context.name ?? '',
    count: record.count,
    fingerprint: record.fingerprint,
  };
}

/** The records as CSV text (no byte-order mark; `downloadText` adds it to the file), formula-looking cells neutralised (see `csvCell`). */
export function errorLogToCsv(records: readonly ErrorRecord[]): string {
  return toCsv(
    ERROR_LOG_EXPORT_COLUMNS,
    records.map((record) => {
      const row = toExportRow(record);
      return ERROR_LOG_EXPORT_COLUMNS.map((column) => row[column]);
    }),
  );
}

/** The records as a JSON array of export rows. */
export function errorLogToJson(records: readonly ErrorRecord[]): string {
  return JSON.stringify(records.map(toExportRow), null, 2);
}

/**
 * Offers text as a UTF-8 file download (a temporary object URL on a temporary link). A CSV
 * (`text/csv`) file starts with the byte-order mark, so Excel on Windows reads it as UTF-8 rather than
 * its legacy code page (non-ASCII messages would show as mojibake).
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const csv = type.startsWith('text/csv');
  const blob = new Blob(csv ? [CSV_BOM, text] : [text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
