// `bulwark`: React bindings plus the core API most apps need.
export * from './core';

// — boundaries and hooks —
export { ErrorBoundary, DEFAULT_MAX_RETRIES } from './react/boundary/error-boundary';
export { ErrorBoundaryContext } from './react/boundary/error-boundary-context';
export { useErrorBoundary } from './react/boundary/use-error-boundary';
export { withErrorBoundary } from './react/boundary/with-error-boundary';
export { getErrorMessage } from './react/boundary/get-error-message';
export {
  PageBoundary,
  FeatureBoundary,
  ComponentBoundary,
  type LevelBoundaryProps,
} from './react/boundary/level-boundaries';
export {
  BoundaryFallbacksContext,
  type BoundaryLevel,
  type LevelFallbackProps,
  type LevelFallbacks,
} from './react/boundary/boundary-fallbacks-context';
export type {
  ErrorBoundaryContextType,
  ErrorBoundaryProps,
  ErrorBoundaryPropsWithComponent,
  ErrorBoundaryPropsWithFallback,
  ErrorBoundaryPropsWithLevel,
  ErrorBoundaryPropsWithRender,
  FallbackProps,
  OnErrorCallback,
  ResetDetails,
  UseErrorBoundaryApi,
} from './react/boundary/types';
export { useErrorHandler, type HandleError, type HandleErrorContext } from './react/hooks/use-error-handler';
export { getFieldErrors } from './react/forms/get-field-errors';
export { useFormErrors, type FieldErrorProps, type FormErrorsApi } from './react/forms/use-form-errors';

// — provider and store hooks —
export { ResilienceProvider, type ResilienceProviderProps } from './react/resilience-provider';
export { ResilienceContext, useResilience, useOptionalResilience } from './react/resilience-context';
export { useErrorStore, type UseErrorStoreOptions } from './react/hooks/use-error-store';

// — recovery UI —
export { RecoveryToaster, type RecoveryToasterProps } from './react/ui/recovery-toaster';
export { RecoveryDialog, type RecoveryDialogProps } from './react/ui/recovery-dialog';
export { RecoveryDialogHost, type RecoveryDialogHostProps } from './react/ui/recovery-dialog-host';
export { FullscreenError, type FullscreenErrorProps } from './react/ui/fullscreen-error';
export { FullscreenErrorHost, type FullscreenErrorHostProps } from './react/ui/fullscreen-error-host';
export { InlineError, type InlineErrorProps } from './react/ui/inline-error';
export { ErrorDetails, type ErrorDetailsProps } from './react/ui/error-details';

// — policies and degradation hooks —
export { useCircuit } from './react/hooks/use-circuit';
export {
  useAsyncAction,
  type AsyncAction,
  type AsyncActionOptions,
  type AsyncActionStatus,
} from './react/hooks/use-async-action';
export { useDegradation } from './react/hooks/use-degradation';
export { useFeature, type FeatureStatus } from './react/hooks/use-feature';
export { DegradationBanner, type DegradationBannerProps } from './react/ui/degradation-banner';

// — offline queue —
export { OfflineQueueProvider, type OfflineQueueProviderProps } from './react/offline-queue-provider';
export { OfflineQueueContext } from './react/offline-queue-context';
export { useOfflineQueue, type OfflineQueueState } from './react/hooks/use-offline-queue';
export {
  useNetworkStatus,
  DEFAULT_PROBE_INTERVAL_MS,
  type UseNetworkStatusOptions,
} from './react/hooks/use-network-status';
export { useServiceWorkerUpdate, type ServiceWorkerUpdate } from './react/hooks/use-service-worker-update';
export { OfflineBanner, type OfflineBannerProps } from './react/ui/offline-banner';

// — error log —
export { ErrorLog, type ErrorLogProps } from './react/ui/error-log/error-log';
export { ErrorRateChart, type ErrorRateChartProps } from './react/ui/error-log/error-rate-chart';
export { useErrorLog, type ErrorLogApi, type UseErrorLogOptions } from './react/hooks/use-error-log';
export {
  filterErrorLog,
  DEFAULT_ERROR_LOG_FILTERS,
  DEFAULT_ERROR_LOG_SORT,
  type ErrorLogFilters,
  type ErrorLogSort,
  type ErrorLogSortKey,
} from './react/ui/error-log/filter-error-log';
export { computeErrorLogStats, type ErrorLogStats } from './react/ui/error-log/compute-error-log-stats';
export {
  errorLogToCsv,
  errorLogToJson,
  ERROR_LOG_EXPORT_COLUMNS,
  type ErrorLogExportRow,
} from './react/ui/error-log/error-log-export';
export { csvCell, toCsv, CSV_BOM, type CsvValue } from './react/ui/error-log/to-csv';

// — drafts and resumable jobs —
export {
  useDraft,
  DEFAULT_DRAFT_INTERVAL_MS,
  type DraftStatus,
  type RestorableDraft,
  type UseDraftOptions,
  type UseDraftResult,
} from './react/hooks/use-draft';
export {
  useResumableJob,
  type ResumableJob,
  type ResumableJobStatus,
  type UseResumableJobOptions,
} from './react/hooks/use-resumable-job';
export { DraftRestorePrompt, type DraftRestorePromptProps } from './react/ui/draft-restore-prompt';
