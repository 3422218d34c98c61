// `bulwark/core`: everything framework-agnostic. Never imports React; touches no browser global at import time.

// — errors —
export * from './core/errors/types';
export { AppError, isAppError, type AppErrorOptions } from './core/errors/app-error';
export { isAbortError } from './core/errors/is-abort-error';
export {
  toJsonSafe,
  isErrorLike,
  type JsonSafeLimits,
  type JsonSafeOptions,
} from './core/errors/to-json-safe';
export { normalizeError, type NormalizeOptions } from './core/errors/normalize';
export {
  classifyError,
  defaultRules,
  kindDefaults,
  type Classification,
  type ClassificationRule,
  type RuleMatch,
  type RulePredicate,
} from './core/errors/classify';
export { readFacts, causeChain, type ErrorFacts } from './core/errors/error-facts';
export { readFieldErrors } from './core/errors/read-field-errors';
export { fingerprint } from './core/errors/fingerprint';
export {
  createRedactor,
  redact,
  redactString,
  type RedactOptions,
  type Redactor,
} from './core/errors/redact';
export { defaultRedactionRules } from './core/errors/redaction/default-rules';
export { isSecretKeyName } from './core/errors/redaction/secret-key';
export type { RedactionRule, RuleContext } from './core/errors/redaction/types';
export {
  HttpError,
  isHttpError,
  type HttpErrorInit,
  type FromResponseOptions,
} from './core/errors/http-error';
export { parseRetryAfter } from './core/errors/retry-after';
export {
  defaultCatalog,
  mergeCatalog,
  formatMessage,
  type CatalogEntry,
  type MessageCatalog,
  type PartialCatalog,
} from './core/errors/catalog';

// — pipeline types —
export * from './core/types';

// — global handlers and React root options —
export {
  installGlobalHandlers,
  type GlobalHandlerOptions,
  type GlobalHandlers,
  type NoiseCounts,
} from './core/global/install-global-handlers';
export { classifyNoise, type GlobalEventFacts, type NoiseKind } from './core/global/noise';
export {
  reloadOnce,
  RELOAD_ONCE_KEY,
  RELOAD_ONCE_WINDOW_MS,
  type ReloadOnceOptions,
} from './core/global/reload-once';
export { reloadOnChunkError } from './core/global/reload-on-chunk-error';
export {
  createReactRootOptions,
  type ReactRootErrorInfo,
  type ReactRootErrorOptions,
} from './core/react-root-options';

// — store, disclosure, resilience —
export {
  createResilience,
  type CaptureOptions,
  type Resilience,
  type ResilienceOptions,
} from './core/resilience';
export type { BurstGuardOptions } from './core/burst-guard';
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
  keepShownToasts,
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
  DisclosureReach,
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
// Policy, PolicyContext, PolicyFn and the circuit breaker's types.
export type * from './core/policies/types';
export {
  exponential,
  constant,
  type Backoff,
  type ExponentialOptions,
  type Jitter,
} from './core/policies/backoff';
export { retry, type RetryOptions, type RetryPolicy, type RetryEvent } from './core/policies/retry';
export { retryBudget, type RetryBudget, type RetryBudgetOptions } from './core/policies/retry-budget';
export { isRetryable, isServiceFailure } from './core/policies/outcome';
export { circuitBreaker } from './core/policies/circuit-breaker';
export { BrokenCircuitError, isBrokenCircuitError } from './core/policies/broken-circuit-error';
export { timeout, type TimeoutPolicy } from './core/policies/timeout';
export { fallback, type FallbackOptions, type FallbackPolicy } from './core/policies/fallback';
export { compose } from './core/policies/compose';
export { createBreakerRegistry, type BreakerRegistry } from './core/policies/breaker-registry';
export {
  resilientFetch,
  type ResilientFetchDeps,
  type ResilientFetchInit,
} from './core/policies/resilient-fetch';

// — degradation —
export { createDegradation, type BreakerEvents } from './core/degradation/create-degradation';
export {
  DEGRADATION_LEVELS,
  type Degradation,
  type DegradationCause,
  type DegradationLevel,
  type DegradationOptions,
  type DegradationSnapshot,
} from './core/degradation/types';
export {
  createNetworkStatus,
  networkStatus,
  browserNetworkEvents,
  type NetworkEventSource,
  type NetworkStatus,
} from './core/offline/network-status';

// — offline —
export {
  registerOfflineQueue,
  type OfflineQueue,
  type RegisteredOfflineQueue,
  type RegisterOfflineQueueOptions,
} from './core/offline/register-offline-queue';
export type { DeadLetter, OutboxSnapshot } from './core/offline/outbox-types';
export type { DeadLetterReason } from './core/offline/outbox-record';
export { IDEMPOTENCY_HEADER, QUEUED_HEADER, QUEUE_ERROR_HEADER } from './core/offline/outbox-record';
export { OutboxStorageError, type OutboxStorageProblem } from './core/offline/outbox-storage-error';
export {
  createDraftStore,
  DEFAULT_DRAFT_MAX_AGE_MS,
  DEFAULT_DRAFT_STORE_NAME,
  DEFAULT_DRAFT_VERSION,
} from './core/offline/draft-store';
export { isDraftSecretKey, omitDraftSecrets } from './core/offline/draft-secrets';
export type {
  DraftCapture,
  DraftEntry,
  DraftLoadOptions,
  DraftSaveOptions,
  DraftStorageKind,
  DraftStorageStatus,
  DraftStore,
  DraftStoreEvent,
  DraftStoreOptions,
} from './core/offline/draft-types';
export {
  createCheckpoint,
  type Checkpoint,
  type CheckpointOptions,
  type CheckpointState,
} from './core/offline/checkpoint';
export {
  runResumable,
  type JobFailure,
  type JobProgress,
  type JobReport,
  type JobWorkerContext,
  type RunResumableOptions,
} from './core/offline/run-resumable';

// — reporting —
