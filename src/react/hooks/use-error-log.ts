import { useCallback, useMemo, useState } from 'react';
import { defaultRedactor } from '../../core/errors/redact';
import type { ErrorRecord } from '../../core/types';
import { useOptionalResilience } from '../resilience-context';
import { computeErrorLogStats, type ErrorLogStats } from '../ui/error-log/compute-error-log-stats';
import {
  DEFAULT_ERROR_LOG_FILTERS,
  DEFAULT_ERROR_LOG_SORT,
  filterErrorLog,
  type ErrorLogFilters,
  type ErrorLogSort,
  type ErrorLogSortKey,
} from '../ui/error-log/filter-error-log';
import { redactGivenRecords } from '../ui/error-log/redact-given-records';
import { readRecords } from '../ui/read-record';
import { useErrorStore } from './use-error-store';

/** Options for {@link useErrorLog}. */
export interface UseErrorLogOptions {
  /**
   * Records to show instead of the store's (from your backend, or a story). They are redacted with the
   * app's `reporting.redact` rules (the defaults outside a provider) before they are shown or exported.
   * @default the store's records
   */
  records?: readonly ErrorRecord[];
  /**
   * The end of the chart's time range, epoch ms. @default the latest record's `lastSeen` (rendering stays
   * pure: the chart shows the 30 minutes up to the latest error)
   */
  now?: number;
  /** Re-read the store at most once per this many ms during an error storm. @default 250 */
  throttleMs?: number;
  /** Filters to start with. @default DEFAULT_ERROR_LOG_FILTERS */
  initialFilters?: Partial<ErrorLogFilters>;
}

/** What {@link useErrorLog} returns. */
export interface ErrorLogApi {
  /** Every record the log covers. */
  records: readonly ErrorRecord[];
  /** The records the filters let through, sorted. */
  rows: readonly ErrorRecord[];
  filters: ErrorLogFilters;
  /** Changes one filter. */
  setFilter: <K extends keyof ErrorLogFilters>(key: K, value: ErrorLogFilters[K]) => void;
  sort: ErrorLogSort;
  /** Sorts by `key`; the same key again flips the direction. */
  sortBy: (key: ErrorLogSortKey) => void;
  /** Summary figures over all records (not just the filtered rows). */
  stats: ErrorLogStats;
  /** Features seen in the records, sorted, for the feature filter. */
  features: readonly string[];
}

const selectRecords = (state: { records: readonly ErrorRecord[] }) => state.records;

/**
 * The state of an error log over the nearest store (or given records): filters, sort, the filtered rows
 * and summary figures. `<ErrorLog>` is built on it; use it for a panel of your own.
 *
 * @example
 * const log = useErrorLog();
 * log.setFilter('severity', 'critical');
 * log.rows.length; // critical records, most recent first
 */
export function useErrorLog(options: UseErrorLogOptions = {}): ErrorLogApi {
  const stored = useErrorStore(selectRecords, { throttleMs: options.throttleMs ?? 250 });
  const given = options.records ?? stored;
  const redactor = useOptionalResilience()?.redactor ?? defaultRedactor;
  // A record pushed into the store by hand or given from a backend is read like the other panels read it;
  // given records are also redacted, with the app's rules, before anything shows or exports them (issue 9).
  const records = useMemo(() => {
    const read = readRecords(given);
    return options.records ? redactGivenRecords(read, redactor) : read;
  }, [given, options.records, redactor]);
  const [filters, setFilters] = useState<ErrorLogFilters>(() => ({
    ...DEFAULT_ERROR_LOG_FILTERS,
    ...options.initialFilters,
  }));
  const [sort, setSort] = useState<ErrorLogSort>(DEFAULT_ERROR_LOG_SORT);
  const rows = useMemo(() => filterErrorLog(records, filters, sort), [records, filters, sort]);
  const latest = useMemo(() => records.reduce((max, r) => Math.max(max, r.lastSeen), 0), [records]);
  const now = options.now ?? latest;
  const stats = useMemo(() => computeErrorLogStats(records, now), [records, now]);
  const features = useMemo(
    () => [...new Set(records.flatMap((r) => (r.context.feature ? [r.context.feature] : [])))].sort(),
    [records],
  );
  const setFilter = useCallback(
    <K extends keyof ErrorLogFilters>(key: K, value: ErrorLogFilters[K]) =>
      setFilters((current) => ({ ...current, [key]: value })),
    [],
  );
  const sortBy = useCallback(
    (key: ErrorLogSortKey) =>
      setSort((current) => ({
        key,
        direction: current.key === key && current.direction === 'descending' ? 'ascending' : 'descending',
      })),
    [],
  );
  return { records, rows, filters, setFilter, sort, sortBy, stats, features };
}
