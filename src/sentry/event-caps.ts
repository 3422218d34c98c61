import type { Severity } from '../core/errors/types';
import { eventKey } from './event-key';
import type { SentryCapsOptions, SentryEvent } from './types';

export const DEFAULT_SENTRY_PER_FINGERPRINT_MS = 60_000;
/** Error events sent per page session, counted per severity (a storm of one never silences another). */
export const DEFAULT_SENTRY_MAX_EVENTS_PER_SESSION = 50;
const MAX_TRACKED_FINGERPRINTS = 1000;
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

const SEVERITY_OF_LEVEL: Readonly<Record<string, Severity>> = {
  fatal: 'critical',
  error: 'error',
  warning: 'warning',
  log: 'info',
  info: 'info',
  debug: 'info',
};

/** Admits or holds back error events; the admitted one carries how many were held back. */
export type EventCaps = (event: SentryEvent) => SentryEvent | null;

const sessionCaps = (option: SentryCapsOptions['maxEventsPerSession']): Record<Severity, number> => {
  const caps = {} as Record<Severity, number>;
  for (const severity of SEVERITIES) {
    caps[severity] =
      (typeof option === 'number' ? option : option?.[severity]) ?? DEFAULT_SENTRY_MAX_EVENTS_PER_SESSION;
  }
  return caps;
};

/**
 * Client-side caps Sentry's SDK lacks: sampling per severity, one event per key per window (the key is
 * `eventKey`: the fingerprint, or the normalised message and top frame; the next event sent for it
 * carries `contexts.bulwark_caps.heldBack`), and a cap per page session **per severity**, so a noisy
 * loop of errors never uses up the room a fatal one needs (issue 13, F9). What a full session cap drops
 * is counted and attached to the next event admitted (`contexts.bulwark_caps.overSessionCap`).
 * O(1) per event, bounded memory.
 */
export function createEventCaps(
  options: SentryCapsOptions,
  now: () => number,
  random: () => number,
): EventCaps {
  const windowMs = options.perFingerprintMs ?? DEFAULT_SENTRY_PER_FINGERPRINT_MS;
  const maxPerSession = sessionCaps(options.maxEventsPerSession);
  const seen = new Map<string, { sentAt: number; heldBack: number }>();
  const sent: Record<Severity, number> = { info: 0, warning: 0, error: 0, critical: 0 };
  let overCap: Partial<Record<Severity, number>> = {};

  return (event) => {
    const severity = SEVERITY_OF_LEVEL[event.level ?? 'error'] ?? 'error';
    const rate = options.sampleRates?.[severity] ?? 1;
    if (rate < 1 && random() >= rate) return null;
    const key = eventKey(event);
    const time = now();
    const entry = seen.get(key);
    if (entry && time - entry.sentAt < windowMs) {
      entry.heldBack += 1;
      return null;
    }
    if (sent[severity] >= maxPerSession[severity]) {
      overCap[severity] = (overCap[severity] ?? 0) + 1;
      return null;
    }
    sent[severity] += 1;
    if (!entry && seen.size >= MAX_TRACKED_FINGERPRINTS) {
      for (const [k, e] of seen) if (time - e.sentAt >= windowMs) seen.delete(k);
      if (seen.size >= MAX_TRACKED_FINGERPRINTS) seen.clear();
    }
    seen.set(key, { sentAt: time, heldBack: 0 });
    const caps: { heldBack?: number; overSessionCap?: Partial<Record<Severity, number>> } = {};
    if (entry?.heldBack) caps.heldBack = entry.heldBack;
    if (Object.keys(overCap).length > 0) {
      caps.overSessionCap = overCap;
      overCap = {};
    }
    if (caps.heldBack === undefined && caps.overSessionCap === undefined) return event;
    return { ...event, contexts: { ...event.contexts, bulwark_caps: caps } };
  };
}
