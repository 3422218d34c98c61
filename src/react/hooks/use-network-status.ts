import { useEffect, useSyncExternalStore } from 'react';
import { networkStatus as sharedStatus, type NetworkStatus } from '../../core/offline/network-status';

/** Options of {@link useNetworkStatus}. */
export interface UseNetworkStatusOptions {
  /**
   * A URL to ask (`HEAD`, no cache) whether the server is really reachable: on mount, on every
   * `online`/`offline` event, and every `probeIntervalMs`. `navigator.onLine` is true on a captive
   * portal or a dead Wi-Fi, so events alone can say "online" wrongly. @default none (events only)
   */
  probeUrl?: string;
  /** How often to probe, in ms. @default 30000 */
  probeIntervalMs?: number;
  /** @default the shared `networkStatus` */
  status?: NetworkStatus;
}

/** @see UseNetworkStatusOptions.probeIntervalMs */
export const DEFAULT_PROBE_INTERVAL_MS = 30_000;

/**
 * True while the network is there: the `online`/`offline` events, corrected by a probe URL when
 * given (any answer means online, a network failure means offline).
 *
 * @example
 * const online = useNetworkStatus({ probeUrl: '/api/health' });
 */
export function useNetworkStatus(options: UseNetworkStatusOptions = {}): boolean {
  const { probeUrl, probeIntervalMs = DEFAULT_PROBE_INTERVAL_MS, status = sharedStatus } = options;
  const online = useSyncExternalStore(status.subscribe, status.isOnline, () => true);
  useEffect(() => {
    if (!probeUrl) return undefined;
    let active = true;
    const probe = () =>
      fetch(probeUrl, { method: 'HEAD', cache: 'no-store' }).then(
        () => active && status.setOnline(true),
        () => active && status.setOnline(false),
      );
    void probe();
    const off = status.subscribe(() => void probe());
    const timer = setInterval(() => void probe(), probeIntervalMs);
    return () => {
      active = false;
      off();
      clearInterval(timer);
    };
  }, [probeUrl, probeIntervalMs, status]);
  return online;
}
