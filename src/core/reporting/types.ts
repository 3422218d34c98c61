import type { RedactOptions } from '../errors/redact';
import type { Severity } from '../errors/types';
import type { ErrorRecord } from '../types';

/**
 * Somewhere errors are sent (console, Sentry, your backend). It receives a REDACTED copy of the
 * record: message, stack, context and tags scrubbed, no `cause`, no action callbacks.
 * Whatever it throws or rejects with is caught; it never reaches the app.
 */
export interface Reporter {
  name: string;
  /** Sends the record. Any return is accepted (`report: (r) => fetch(…)`); a promise's rejection is caught. */
  report: (record: ErrorRecord) => unknown;
}

/** Options for {@link createRateLimiter}. */
export interface RateLimitOptions {
  /** Reports sent per rolling minute across all fingerprints. @default 30 */
  maxPerMinute?: number;
  /** The same fingerprint is reported at most once per this interval; its `count` says how often it happened. @default 60_000 */
  perFingerprintMs?: number;
}

/** Options for {@link createReportDispatcher}. */
export interface ReportingOptions {
  reporters?: readonly Reporter[];
  /** Records below this severity are not reported. @default 'warning' */
  minSeverity?: Severity;
  /** Share of non-critical reports sent, 0 to 1; critical errors are always sent. @default 1 */
  sampleRate?: number;
  /** @default {} (the defaults of {@link RateLimitOptions}) */
  rateLimit?: RateLimitOptions;
  /** Extra redaction rules, on top of the defaults. @default {} */
  redact?: RedactOptions;
  /** Called when a reporter throws or rejects. @default no-op */
  onReporterError?: (error: unknown, reporter: Reporter) => void;
  /** Clock. @default Date.now */
  now?: () => number;
  /** Random source for sampling. @default Math.random */
  random?: () => number;
}
