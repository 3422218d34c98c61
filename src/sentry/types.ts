// Sentry's types only: `bulwark/sentry` never imports @sentry/* at run time (the app injects its namespace).
import type * as SentryReact from '@sentry/react';
import type { RedactOptions } from '../core/errors/redact';
import type { Severity } from '../core/errors/types';
import type { NoiseKind } from '../core/global/noise';

/** The options of the app's `Sentry.init` (the browser SDK's). */
export type SentryInitOptions = SentryReact.BrowserOptions;
/** A Sentry event (`beforeSend` receives one). */
export type SentryEvent = SentryReact.ErrorEvent;
export type SentryBreadcrumb = SentryReact.Breadcrumb;
/** What `Sentry.init({ transport })` takes: a factory of transports. */
export type SentryTransportFactory = NonNullable<SentryInitOptions['transport']>;
export type SentryTransport = ReturnType<SentryTransportFactory>;
/** One envelope: `[headers, [[itemHeaders, payload], …]]`. */
export type SentryEnvelope = Parameters<SentryTransport['send']>[0];
/** Sentry 11's `dataCollection` option. */
export type SentryDataCollection = NonNullable<SentryInitOptions['dataCollection']>;

/** Client-side caps Sentry's SDK lacks; applied in `beforeSend` to every error event, the app's own too. */
export interface SentryCapsOptions {
  /** One event per fingerprint per this window, in ms; the next one carries how many were held back. @default 60_000 */
  perFingerprintMs?: number;
  /** Error events sent per page session (per `Sentry.init`), whatever their fingerprint. @default 50 */
  maxEventsPerSession?: number;
  /**
   * Share of events sent per severity, 0 to 1 (Sentry levels map to severities: `fatal` → critical,
   * `error` → error, `warning` → warning, `info`/`log`/`debug` → info).
   * @default { info: 1, warning: 1, error: 1, critical: 1 }
   */
  sampleRates?: Readonly<Partial<Record<Severity, number>>>;
}

/** Options for {@link bulwarkSentryOptions}. */
export interface BulwarkSentryOptions extends SentryCapsOptions {
  /** The app's own `@sentry/react` (or `@sentry/browser`) namespace: its `makeFetchTransport` is wrapped. */
  Sentry: Pick<typeof SentryReact, 'makeFetchTransport'>;
  /**
   * What Sentry collects by itself, merged over bulwark's defaults, which turn off user info (IP address),
   * cookies, HTTP headers, URL query strings, HTTP bodies and GraphQL variables.
   * @default { userInfo: false, cookies: false, httpHeaders: false, urlQueryParams: false, httpBodies: [], graphQL: { document: true, variables: false } }
   */
  dataCollection?: SentryDataCollection;
  /** Extra redaction rules, over bulwark's defaults, for everything that leaves. @default {} */
  redact?: RedactOptions;
  /** The transport to wrap. @default Sentry.makeFetchTransport */
  transport?: SentryTransportFactory;
  /** Runs after bulwark's scrub on every error event; return null to drop it. @default undefined */
  beforeSend?: (event: SentryEvent) => SentryEvent | null;
  /**
   * Keep Sentry's `GlobalHandlers` and `BrowserApiErrors` integrations. bulwark's global handlers (installed by
   * `<ResilienceProvider>`) capture window errors and rejections already; both would send each one twice.
   * Set to `true` when bulwark's global handlers are not installed.
   * @default false
   */
  sentryGlobalHandlers?: boolean;
  /** Also called for each noise event dropped (ResizeObserver loop, extension frames). @default undefined */
  onNoise?: (kind: NoiseKind) => void;
  /** Clock. @default Date.now */
  now?: () => number;
  /** Random source for sampling. @default Math.random */
  random?: () => number;
}

/** Noise events dropped before sending, per kind. */
export type SentryNoiseCounts = Readonly<Record<NoiseKind, number>>;

/** What {@link bulwarkSentryOptions} returns: spread it into `Sentry.init`. */
export type BulwarkSentryInitOptions = Pick<
  SentryInitOptions,
  'beforeSend' | 'beforeBreadcrumb' | 'transport' | 'dataCollection' | 'integrations'
> & {
  /** Noise dropped so far (not enumerable, so spreading into `Sentry.init` leaves it out). */
  readonly noiseCounts: () => SentryNoiseCounts;
};
