// `bulwark/sentry`: the Sentry reporter. The app injects its own `Sentry` namespace; nothing from
// @sentry/* is bundled here (see DESIGN.md).
export {
  createSentryReporter,
  SENTRY_LEVELS,
  type SentryReporterOptions,
} from './sentry/create-sentry-reporter';
export { bulwarkSentryOptions, BULWARK_SENTRY_DATA_COLLECTION } from './sentry/bulwark-sentry-options';
export {
  DEFAULT_SENTRY_MAX_EVENTS_PER_SESSION,
  DEFAULT_SENTRY_PER_FINGERPRINT_MS,
} from './sentry/event-caps';
export type {
  BulwarkSentryInitOptions,
  BulwarkSentryOptions,
  SentryCapsOptions,
  SentryDataCollection,
  SentryEventHint,
  SentryNoiseCounts,
} from './sentry/types';
