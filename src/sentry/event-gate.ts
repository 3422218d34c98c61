import type { NoiseKind } from '../core/global/noise';
import type { EventCaps } from './event-caps';
import { eventNoise } from './event-noise';
import type { SentryEvent } from './types';

/**
 * Mechanisms of Sentry's `GlobalHandlers` and `BrowserApiErrors` integrations: bulwark's global handlers
 * capture the same window errors and rejections, so such an event would be the error's second.
 */
const SENTRY_GLOBAL_MECHANISM = /^auto\.browser\.(?:global_handlers|browserapierrors)\./;
/** Ids of events that passed `beforeSend`, kept until the transport sees them (bounded FIFO). */
const MAX_PASSED = 1000;

/** Decides which error events leave: noise, Sentry's duplicates of window errors and the caps. */
export interface EventGate {
  /** `beforeSend`'s decision: the event to send on (caps context added) or `null`. */
  admit: (event: SentryEvent, originalException: unknown) => SentryEvent | null;
  /** Records that an event went through the whole `beforeSend` chain, so the transport does not gate it twice. */
  passed: (event: SentryEvent) => void;
  /**
   * The transport's decision on an event item: one that passed `beforeSend` goes on as it is; one that
   * did not (the app's own `beforeSend` replaced bulwark's in `Sentry.init`) is gated here instead.
   */
  recheck: (event: SentryEvent) => SentryEvent | null;
}

export interface EventGateOptions {
  caps: EventCaps;
  /** Keep events from Sentry's own global handlers (bulwark's are not installed). */
  sentryGlobalHandlers: boolean;
  onNoise: (kind: NoiseKind) => void;
}

const fromSentryGlobalHandler = (event: SentryEvent): boolean =>
  event.exception?.values?.some((value) => SENTRY_GLOBAL_MECHANISM.test(value.mechanism?.type ?? '')) ??
  false;

/**
 * The gate `bulwarkSentryOptions` runs in `beforeSend` and again in its transport wrapper, so that the
 * caps, the noise filter and the one-event-per-error guard hold whatever the app does to `Sentry.init`
 * after the spread (its own `beforeSend` or `integrations` array; issue 13, F11 and F12).
 */
export function createEventGate({ caps, sentryGlobalHandlers, onNoise }: EventGateOptions): EventGate {
  const passedIds = new Set<string>();

  const admit = (event: SentryEvent, originalException: unknown): SentryEvent | null => {
    const noise = eventNoise(event, originalException);
    if (noise) {
      onNoise(noise);
      return null;
    }
    // An `integrations` array after the spread re-installs Sentry's handlers: each window error would arrive twice.
    if (!sentryGlobalHandlers && fromSentryGlobalHandler(event)) return null;
    return caps(event);
  };

  return {
    admit,
    passed: (event) => {
      if (!event.event_id) return;
      if (passedIds.size >= MAX_PASSED) passedIds.delete(passedIds.values().next().value as string);
      passedIds.add(event.event_id);
    },
    recheck: (event) => {
      if (event.event_id && passedIds.delete(event.event_id)) return event;
      return admit(event, undefined);
    },
  };
}
