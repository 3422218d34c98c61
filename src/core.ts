// `bulwark/core`: everything framework-agnostic. Never imports React; touches no browser global at import time.

// — errors —
export * from './core/errors/types';
export { AppError, isAppError, type AppErrorOptions } from './core/errors/app-error';
export { toJsonSafe, type JsonSafeLimits } from './core/errors/to-json-safe';

// — pipeline types —
export * from './core/types';

// — store, disclosure, resilience —
export { createResilience, type Resilience, type ResilienceOptions } from './core/resilience';
export { createErrorStore, DEFAULT_HISTORY_LIMIT } from './core/store/error-store';
export type { ErrorStore, ErrorStoreOptions, ErrorStoreState, RateBucket } from './core/store/types';
export {
  selectActivePresentation,
  selectActiveRecords,
  selectCountsByKind,
  selectCountsBySeverity,
  selectErrorRate,
  selectPresented,
  isSamePresented,
  type Presented,
} from './core/store/selectors';
export { subscribeThrottled } from './core/store/subscribe-throttled';
export {
  createDisclosureManager,
  DEFAULT_DISCLOSURE_RULES,
  DEFAULT_DISCLOSURE_WINDOW_MS,
} from './core/disclosure/disclosure-manager';
export type {
  DisclosureManager,
  DisclosureOptions,
  DisclosureRules,
  RecurrenceStep,
  SeverityRule,
} from './core/disclosure/types';
export { createReportDispatcher, type ReportDispatcher } from './core/reporting/report-dispatcher';
export { createConsoleReporter, type ConsoleReporterOptions } from './core/reporting/console-reporter';
export { createRateLimiter, type RateLimiter } from './core/reporting/rate-limiter';
export { redactRecord } from './core/reporting/redact-record';
export type { Reporter, ReportingOptions, RateLimitOptions } from './core/reporting/types';

// — policies —

// — degradation —

// — offline —

// — reporting —
