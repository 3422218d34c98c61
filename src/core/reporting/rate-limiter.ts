import type { RateLimitOptions } from './types';

export const DEFAULT_MAX_REPORTS_PER_MINUTE = 30;
export const DEFAULT_PER_FINGERPRINT_MS = 60_000;
const MINUTE = 60_000;
const MAX_TRACKED_FINGERPRINTS = 1000;

/** Decides whether a report may go out now. O(1) per call, bounded memory. */
export interface RateLimiter {
  allow: (fingerprint: string, now: number) => boolean;
}

/**
 * A fixed one-minute window for the global budget plus a per-fingerprint interval.
 *
 * @example
 * const limiter = createRateLimiter({ maxPerMinute: 10 });
 * if (limiter.allow(record.fingerprint, Date.now())) send(record);
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const maxPerMinute = options.maxPerMinute ?? DEFAULT_MAX_REPORTS_PER_MINUTE;
  const perFingerprintMs = options.perFingerprintMs ?? DEFAULT_PER_FINGERPRINT_MS;
  const lastSent = new Map<string, number>();
  let windowStart = -Infinity;
  let sentInWindow = 0;

  const allow = (fingerprint: string, now: number): boolean => {
    const previous = lastSent.get(fingerprint);
    if (previous !== undefined && now - previous < perFingerprintMs) return false;
    if (now - windowStart >= MINUTE) {
      windowStart = now;
      sentInWindow = 0;
    }
    if (sentInWindow >= maxPerMinute) return false;
    sentInWindow += 1;
    if (lastSent.size >= MAX_TRACKED_FINGERPRINTS) {
      for (const [key, at] of lastSent) if (now - at >= perFingerprintMs) lastSent.delete(key);
      if (lastSent.size >= MAX_TRACKED_FINGERPRINTS) lastSent.clear();
    }
    lastSent.delete(fingerprint);
    lastSent.set(fingerprint, now);
    return true;
  };
  return { allow };
}
