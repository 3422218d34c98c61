import type { Severity } from '../core/errors/types';
import type { SentryCapsOptions, SentryEvent } from './types';

export const DEFAULT_SENTRY_PER_FINGERPRINT_MS = 60_000;
export const DEFAULT_SENTRY_MAX_EVENTS_PER_SESSION = 50;
const MAX_TRACKED_FINGERPRINTS = 1000;

const SEVERITY_OF_LEVEL: Readonly<Record<string, Severity>> = {
  fatal: 'critical',
  error: 'error',
  warning: 'warning',
  log: 'info',
  info: 'info',
  debug: 'info',
};

/** Admits or holds back error events; the admitted one carries how many of its kind were held back. */
export type EventCaps = (event: SentryEvent) => SentryEvent | null;

/** The key of "the same error": the event's fingerprint when set, else its exception or message. */
const keyOf = (event: SentryEvent): string => {
  const custom = event.fingerprint?.filter((part) => part !== '{{ default }}');
  if (custom?.length) return custom.join('|');
  const exception = event.exception?.values?.at(-1);
  return exception ? `${exception.type}: ${exception.value}` : String(event.message);
};

/**
 * Client-side caps Sentry's SDK lacks: sampling per severity, one event per fingerprint per window
 * (the next carries `contexts.bulwark_caps.heldBack`), and a cap per page session. O(1) per event,
 * bounded memory.
 */
export function createEventCaps(
  options: SentryCapsOptions,
  now: () => number,
  random: () => number,
): EventCaps {
  const windowMs = options.perFingerprintMs ?? DEFAULT_SENTRY_PER_FINGERPRINT_MS;
  const maxPerSession = options.maxEventsPerSession ?? DEFAULT_SENTRY_MAX_EVENTS_PER_SESSION;
  const seen = new Map<string, { sentAt: number; heldBack: number }>();
  let sent = 0;

  return (event) => {
    const severity = SEVERITY_OF_LEVEL[event.level ?? 'error'] ?? 'error';
    const rate = options.sampleRates?.[severity] ?? 1;
    if (rate < 1 && random() >= rate) return null;
    const key = keyOf(event);
    const time = now();
    const entry = seen.get(key);
    if (entry && time - entry.sentAt < windowMs) {
      entry.heldBack += 1;
      return null;
    }
    if (sent >= maxPerSession) return null;
    sent += 1;
    if (!entry && seen.size >= MAX_TRACKED_FINGERPRINTS) {
      for (const [k, e] of seen) if (time - e.sentAt >= windowMs) seen.delete(k);
      if (seen.size >= MAX_TRACKED_FINGERPRINTS) seen.clear();
    }
    seen.set(key, { sentAt: time, heldBack: 0 });
    if (!entry?.heldBack) return event;
    return { ...event, contexts: { ...event.contexts, bulwark_caps: { heldBack: entry.heldBack } } };
  };
}
