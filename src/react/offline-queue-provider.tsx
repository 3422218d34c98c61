import type { ReactNode } from 'react';
import type { OfflineQueue } from '../core/offline/register-offline-queue';
import { isComponentStackProbe } from './component-stack-probe';
import { OfflineQueueContext } from './offline-queue-context';

/** Props of {@link OfflineQueueProvider}. */
export interface OfflineQueueProviderProps {
  /** From `registerOfflineQueue` (or any object with the same interface, e.g. a fake in stories). */
  queue: OfflineQueue;
  children?: ReactNode;
}

/**
 * Hands an offline queue to `useOfflineQueue` and `<OfflineBanner>` below it.
 *
 * @example
 * const outbox = registerOfflineQueue({ serviceWorkerUrl: '/sw.js', resilience });
 * root.render(<OfflineQueueProvider queue={outbox}><OfflineBanner /><App /></OfflineQueueProvider>);
 */
export function OfflineQueueProvider(props: OfflineQueueProviderProps) {
  // Above an app's boundaries: React probes it on every caught error (see isComponentStackProbe).
  if (isComponentStackProbe(props)) return null;
  return <OfflineQueueContext.Provider value={props.queue}>{props.children}</OfflineQueueContext.Provider>;
}
