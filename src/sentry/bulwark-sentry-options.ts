import type { NoiseKind } from '../core/global/noise';
import { createEventCaps } from './event-caps';
import { createEventGate } from './event-gate';
import { redactingTransport } from './redacting-transport';
import type { EventCollection } from './scrub-event';
import { scrubEvent } from './scrub-event';
import { createPayloadScrubber } from './scrub-payload';
import type {
  BulwarkSentryInitOptions,
  BulwarkSentryOptions,
  SentryBreadcrumb,
  SentryDataCollection,
  SentryInitOptions,
} from './types';

/** What Sentry 11 collects by default that an app rarely needs, turned off; loosen any of it with `dataCollection`. */
export const BULWARK_SENTRY_DATA_COLLECTION = {
  userInfo: false,
  cookies: false,
  httpHeaders: false,
  urlQueryParams: false,
  httpBodies: [],
  graphQL: { document: true, variables: false },
} as const satisfies SentryDataCollection;

/** Sentry integrations that catch window errors, which bulwark's global handlers capture already. */
const GLOBAL_HANDLER_INTEGRATIONS = new Set(['GlobalHandlers', 'BrowserApiErrors']);

const isOff = (behavior: unknown): boolean => behavior === false;

/**
 * Settings to spread into the app's `Sentry.init` so that nothing secret leaves the page, whichever way
 * it is sent: bulwark's reports, the app's own `captureException`/`captureMessage`, breadcrumbs, user,
 * request, `extra`, contexts and session envelopes.
 *
 * - `dataCollection`: user info (IP), cookies, headers, query strings and bodies off (see
 *   {@link BULWARK_SENTRY_DATA_COLLECTION}); what the app passes is merged over it.
 * - `beforeSend`: drops browser noise (counted in `noiseCounts()`) and events from Sentry's own global
 *   handlers, applies the caps (sampling per severity, one event per fingerprint or normalised message
 *   per window, a cap per session per severity), then removes user fields, cookies, headers and bodies
 *   the collection turns off, redacts every string and key, cuts query strings; then the app's
 *   `beforeSend` (pass it here, not to `Sentry.init`).
 * - `beforeBreadcrumb`: the same scrub for console, fetch/xhr and navigation breadcrumbs.
 * - `transport`: `Sentry.makeFetchTransport` wrapped so every envelope item is scrubbed again right
 *   before it is sent — `beforeSend` never sees sessions, client reports or logs — with attachments and
 *   replays dropped. An error event that did not pass through this `beforeSend` (an app `beforeSend`
 *   placed after the spread replaced it) gets the noise filter, the global-handler guard and the caps
 *   here instead, so those hold however `Sentry.init` is composed.
 * - `integrations`: without Sentry's `GlobalHandlers` and `BrowserApiErrors` (bulwark's global handlers
 *   capture those errors; see `sentryGlobalHandlers`). An `integrations` array after the spread brings
 *   them back; their events are then dropped by the guard above, so each window error still arrives once.
 *
 * A hook that throws drops the event: nothing leaves unscrubbed. Never calls `Sentry.init` itself.
 *
 * @example
 * import * as Sentry from '@sentry/react';
 * Sentry.init({ dsn: import.meta.env.VITE_SENTRY_DSN, ...bulwarkSentryOptions({ Sentry }) });
 */
export function bulwarkSentryOptions(options: BulwarkSentryOptions): BulwarkSentryInitOptions {
  const dataCollection: SentryDataCollection = {
    ...BULWARK_SENTRY_DATA_COLLECTION,
    ...options.dataCollection,
  };
  const headers = dataCollection.httpHeaders;
  const collection: EventCollection = {
    userInfo: dataCollection.userInfo !== false,
    cookies: !isOff(dataCollection.cookies),
    headers: !isOff(typeof headers === 'object' && 'request' in headers ? headers.request : headers),
    bodies: (dataCollection.httpBodies ?? ['outgoingRequest']).length > 0,
  };
  const scrub = createPayloadScrubber(options.redact ?? {}, {
    stripQueries: isOff(dataCollection.urlQueryParams),
  });
  const counts: Record<NoiseKind, number> = { 'resize-observer': 0, extension: 0, 'cross-origin-script': 0 };
  const gate = createEventGate({
    caps: createEventCaps(options, options.now ?? Date.now, options.random ?? Math.random),
    sentryGlobalHandlers: options.sentryGlobalHandlers ?? false,
    onNoise: (noise) => {
      counts[noise] += 1;
      options.onNoise?.(noise);
    },
  });

  const beforeSend: NonNullable<SentryInitOptions['beforeSend']> = (event, hint) => {
    try {
      // The gate first: a held-back event costs a map lookup, not a scrub (its key never leaves the page).
      const admitted = gate.admit(event, hint.originalException);
      if (!admitted) return null;
      const safe = scrubEvent(admitted, scrub, collection);
      const result = options.beforeSend ? options.beforeSend(safe, hint) : safe;
      if (result) gate.passed(result);
      return result;
    } catch {
      return null;
    }
  };

  const beforeBreadcrumb = (breadcrumb: SentryBreadcrumb): SentryBreadcrumb | null => {
    try {
      return scrub(breadcrumb) as SentryBreadcrumb;
    } catch {
      return null;
    }
  };

  const result: BulwarkSentryInitOptions = {
    dataCollection,
    beforeSend,
    beforeBreadcrumb,
    transport: redactingTransport(
      options.transport ?? options.Sentry.makeFetchTransport,
      scrub,
      collection,
      gate,
    ),
    integrations: (defaults) =>
      options.sentryGlobalHandlers
        ? defaults
        : defaults.filter((integration) => !GLOBAL_HANDLER_INTEGRATIONS.has(integration.name)),
    noiseCounts: () => ({ ...counts }),
  };
  // Not enumerable: `...bulwarkSentryOptions()` in `Sentry.init` passes only Sentry's own options.
  Object.defineProperty(result, 'noiseCounts', { enumerable: false });
  return result;
}
