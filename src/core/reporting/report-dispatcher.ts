import { createRedactor } from '../errors/redact';
import type { Severity } from '../errors/types';
import type { ErrorRecord } from '../types';
import { createRateLimiter } from './rate-limiter';
import { redactRecord } from './redact-record';
import type { Reporter, ReportingOptions } from './types';

const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

/** Sends records to the reporters: filtered, rate-limited, sampled, redacted, and never throwing. */
export interface ReportDispatcher {
  /** Returns true when the record was handed to the reporters. */
  dispatch: (record: ErrorRecord) => boolean;
}

/**
 * Builds the reporting end of the pipeline. Redaction runs once per report that passes the limits,
 * so a storm costs two comparisons per error, not a scrub.
 *
 * @example
 * const reporting = createReportDispatcher({ reporters: [createConsoleReporter()], sampleRate: 0.5 });
 * reporting.dispatch(record);
 */
export function createReportDispatcher(options: ReportingOptions = {}): ReportDispatcher {
  const reporters = options.reporters ?? [];
  const minRank = SEVERITY_ORDER.indexOf(options.minSeverity ?? 'warning');
  const sampleRate = options.sampleRate ?? 1;
  const limiter = createRateLimiter(options.rateLimit);
  const redactor = createRedactor(options.redact);
  const onReporterError = (error: unknown, reporter: Reporter) => {
    try {
      options.onReporterError?.(error, reporter);
    } catch {
      // A broken error hook must not take the app down either.
    }
  };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;

  const dispatch = (record: ErrorRecord): boolean => {
    const { severity } = record.error;
    if (reporters.length === 0 || SEVERITY_ORDER.indexOf(severity) < minRank) return false;
    if (!limiter.allow(record.fingerprint, now())) return false;
    if (severity !== 'critical' && random() >= sampleRate) return false;
    const safe = redactRecord(record, redactor);
    for (const reporter of reporters) {
      try {
        const result = reporter.report(safe);
        if (result) Promise.resolve(result).catch((error: unknown) => onReporterError(error, reporter));
      } catch (error) {
        onReporterError(error, reporter);
      }
    }
    return true;
  };
  return { dispatch };
}
