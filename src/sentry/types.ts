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
/** What Sentry passes to `beforeSend` beside the event (`originalException`, …). */
export type SentryEventHint = SentryReact.EventHint;
/** What `Sentry.init({ transport })` takes: a factory of transports. */
export type SentryTransportFactory = NonNullable<SentryInitOptions['transport']>;
export type SentryTransport = ReturnType<SentryTransportFactory>;
/** One envelope: `[headers, [[itemHeaders, payload], …]]`. */
export type SentryEnvelope = Parameters<SentryTransport['send']>[0];
/** Sentry 11's `dataCollection` option. */
export type SentryDataCollection = NonNullable<SentryInitOptions['dataCollection']>;

/**
 * Client-side caps Sentry's SDK lacks; applied to every error event, the app's own too (in `beforeSend`,
 * and in the transport for an event that skipped it).
 */
export interface SentryCapsOptions {
  /**
   * One event per fingerprint per this window, in ms; the next one carries how many were held back
   * (`contexts.bulwark_caps.heldBack`). An event without a fingerprint of its own is keyed on its exception
   * type, its message normalised as bulwark's fingerprint recipe does (numbers, ids, emails and URL
   * queries replaced) and its top frame, so `Order 1 not found`, `Order 2 not found`, … count as one.
   * @default 60_000
   */
  perFingerprintMs?: number;
  /**
   * Error events sent per page session (per `Sentry.init`), counted **per severity** (Sentry levels map
   * as in `sampleRates`): a storm of errors never uses up the room of a fatal one. A number applies to
   * each severity; an object sets them one by one (missing ones stay at the default). What a full cap
   * drops is counted and attached to the next event sent (`contexts.bulwark_caps.overSessionCap`).
   * @default 50 (per severity)
   * @example { info: 10, warning: 20, error: 50, critical: 100 }
   */
  maxEventsPerSession?: number | Readonly<Partial<Record<Severity, number>>>;
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
  /**
   * Extra redaction rules, over bulwark's defaults, for everything that leaves. bulwark recognises secrets
   * by key name (`password`, `token`, `apiKey`, …) and by shape (JWTs, vendor keys, cards, emails…); an
   * opaque value under a name it does not know (`secretAnswer`, `note`, `pw`) is sent as it is. Name
   * your app's own secret fields in `keys`.
   * @default {}
   * @example { keys: ['secretAnswer', 'pw', /^recovery/i] }
   */
  redact?: RedactOptions;
  /** The transport to wrap. @default Sentry.makeFetchTransport */
  transport?: SentryTransportFactory;
  /**
   * The app's own step, run after bulwark's gate and scrub on every error event; return null to drop it.
   * Pass it here rather than to `Sentry.init` after the spread: there it would replace bulwark's (the
   * transport still scrubs and caps, but the app's step would see unscrubbed events).
   * @default undefined
   */
  beforeSend?: (event: SentryEvent, hint: SentryEventHint) => SentryEvent | null;
  /**
   * Keep Sentry's `GlobalHandlers` and `BrowserApiErrors` integrations and their events. bulwark's global
   * handlers (installed by `<ResilienceProvider>`) capture window errors and rejections already; both would
   * send each one twice. Unless this is `true`, events with those integrations' mechanisms
   * (`auto.browser.global_handlers.*`, `auto.browser.browserapierrors.*`) are dropped even when an
   * `integrations` array in `Sentry.init` re-installs them. Set to `true` when bulwark's global handlers
   * are not installed.
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
