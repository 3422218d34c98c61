// Deterministic error-log records for stories, tests and the benchmark: no clock, no randomness.
import { AppError, ERROR_KINDS, SEVERITIES, type ErrorRecord, type RecordStatus } from 'bulwark';

const FEATURES = ['checkout', 'search', 'profile', 'comments', 'billing'];
const STATUSES: readonly RecordStatus[] = ['active', 'active', 'recovered', 'dismissed'];
/** 2026-11-29 12:00 UTC: the records end here. */
export const SAMPLE_NOW = Date.UTC(2026, 10, 29, 12);

/** `count` records spread over the 30 minutes before `SAMPLE_NOW`, every kind, severity, status and feature. */
export function makeErrorLogRecords(count: number): ErrorRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = ERROR_KINDS[i % ERROR_KINDS.length]!;
    const severity = SEVERITIES[(i * 7) % SEVERITIES.length]!;
    const lastSeen = SAMPLE_NOW - ((i * 7919) % (30 * 60_000));
    const times = 1 + (i % 5);
    return {
      id: `rec-${i}`,
      fingerprint: `fp-${i.toString(36)}`,
      error: new AppError(`${kind} failure #${i} in ${FEATURES[i % FEATURES.length]}`, {
        kind,
        severity,
        code: `E_${kind.toUpperCase().replace('-', '_')}_${i % 13}`,
      }),
      count: times,
      firstSeen: lastSeen - times * 1000,
      lastSeen,
      occurrences: Array.from({ length: times }, (_, t) => lastSeen - (times - 1 - t) * 1000),
      presentation: 'silent',
      status: STATUSES[i % STATUSES.length]!,
      context: { feature: FEATURES[i % FEATURES.length], name: `${FEATURES[i % FEATURES.length]}-boundary` },
    };
  });
}
