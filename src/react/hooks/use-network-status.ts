import { useEffect, useSyncExternalStore } from 'react';
import { networkStatus as sharedStatus, type NetworkStatus } from '../../core/offline/network-status';
import { MAX_TIMEOUT_MS, safeTimeout } from '../../core/safe-timeout';

/** Options of {@link useNetworkStatus}. */
export interface UseNetworkStatusOptions {
  /**
   * A URL to ask (`HEAD`, no cache) whether the server is really reachable: on mount, on every
   * browser `online`/`offline` event, and every `probeIntervalMs`. `navigator.onLine` is true on a
   * captive portal or a dead Wi-Fi, so events alone can say "online" wrongly. Any answer but `511`
   * means online. @default none (events only)
   */
  probeUrl?: string;
  /** How often to probe, in ms. @default 30000 */
  probeIntervalMs?: number;
  /**
   * How long a probe may wait for an answer, in ms; no answer by then means offline (a black-holed
   * route can leave a request pending for minutes). @default 5000
   */
  probeTimeoutMs?: number;
  /** @default the shared `networkStatus` */
  status?: NetworkStatus;
}

/** @see UseNetworkStatusOptions.probeIntervalMs */
export const DEFAULT_PROBE_INTERVAL_MS = 30_000;
/** @see UseNetworkStatusOptions.probeTimeoutMs */
export const DEFAULT_PROBE_TIMEOUT_MS = 5000;

/**
 * True while the network is there: the `online`/`offline` events, corrected by a probe URL when
 * given (any answer but a captive portal's `511` means online; a network failure, or no answer within
 * `probeTimeoutMs`, means offline). A probe that finishes after a newer one has answered is ignored, so a slow old failure
 * cannot undo a newer answer.
 *
 * @example
 * const online = useNetworkStatus({ probeUrl: '/api/health' });
 */
export function useNetworkStatus(options: UseNetworkStatusOptions = {}): boolean {
  const {
    probeUrl,
    probeIntervalMs = DEFAULT_PROBE_INTERVAL_MS,
    probeTimeoutMs = DEFAULT_PROBE_TIMEOUT_MS,
    status = sharedStatus,
  } = options;
  const online = useSyncExternalStore(status.subscribe, status.isOnline, () => true);
  useEffect(() => {
    if (!probeUrl) return undefined;
    let started = 0;
    // The newest probe that answered (or gave up): an older one finishing later has no say.
    let decided = 0;
    const controllers = new Set<AbortController>();
    const probe = () => {
      const id = ++started;
      const controller = new AbortController();
      controllers.add(controller);
      const cancelTimer = safeTimeout(() => controller.abort(), probeTimeoutMs);
      const verdict = (reachable: boolean) => {
        cancelTimer();
        controllers.delete(controller);
        if (id <= decided) return;
        decided = id;
        status.setOnline(reachable);
      };
      fetch(probeUrl, { method: 'HEAD', cache: 'no-store', signal: controller.signal }).then(
        // 511 Network Authentication Required is a captive portal's answer, not the server's (RFC 6585 §6).
        (response) => verdict(response.status !== 511),
        () => verdict(false),
      );
    };
    probe();
    // The browser's events, not the status's changes: probes change the status themselves, and two
    // probes that disagree (or a probe and the events) would set each other off forever.
    const events = typeof addEventListener === 'function';
    if (events) {
      addEventListener('online', probe);
      addEventListener('offline', probe);
    }
    // `Infinity` means no periodic probe; past 2^31 − 1 ms setInterval would fire every ~1 ms instead.
    const timer =
      probeIntervalMs === Infinity
        ? undefined
        : setInterval(probe, Math.min(probeIntervalMs, MAX_TIMEOUT_MS));
    return () => {
      decided = Infinity;
      for (const controller of controllers) controller.abort();
      if (events) {
        removeEventListener('online', probe);
        removeEventListener('offline', probe);
      }
      clearInterval(timer);
    };
  }, [probeUrl, probeIntervalMs, probeTimeoutMs, status]);
  return online;
}
