import type { ErrorKind, Severity } from '../../../core/errors/types';
import type { ErrorRecord } from '../../../core/types';

/** Figures for the error log's summary. */
export interface ErrorLogStats {
  /** Records (distinct errors). */
  records: number;
  /** Occurrences over all records. */
  occurrences: number;
  byKind: Partial<Record<ErrorKind, number>>;
  bySeverity: Partial<Record<Severity, number>>;
  recovered: number;
  /** Records not recovered (active or dismissed). */
  unresolved: number;
  /** Occurrences per minute, oldest first, over the last `minutes` minutes up to `now`. */
  perMinute: number[];
}

const MINUTE = 60_000;

/**
 * Counts for the summary and the chart. The per-minute series comes from each record's kept occurrence
 * times (the latest 16 per record), so a storm of one error counts up to 16 per minute, not its full count.
 */
export function computeErrorLogStats(
  records: readonly ErrorRecord[],
  now: number,
  minutes = 30,
): ErrorLogStats {
  const byKind: Partial<Record<ErrorKind, number>> = {};
  const bySeverity: Partial<Record<Severity, number>> = {};
  const perMinute = new Array<number>(minutes).fill(0);
  const start = now - minutes * MINUTE;
  let occurrences = 0;
  let recovered = 0;
  for (const record of records) {
    const { kind, severity } = record.error;
    byKind[kind] = (byKind[kind] ?? 0) + record.count;
    bySeverity[severity] = (bySeverity[severity] ?? 0) + record.count;
    occurrences += record.count;
    if (record.status === 'recovered') recovered += 1;
    for (const at of record.occurrences) {
      if (at <= start || at > now) continue;
      const minute = Math.min(minutes - 1, Math.floor((at - start) / MINUTE));
      perMinute[minute] = (perMinute[minute] ?? 0) + 1;
    }
  }
  return {
    records: records.length,
    occurrences,
    byKind,
    bySeverity,
    recovered,
    unresolved: records.length - recovered,
    perMinute,
  };
}
