// `bulwark`: React bindings plus the core API most apps need.
export * from './core';

// — boundaries and hooks —

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
