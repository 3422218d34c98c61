import type { ReactNode } from 'react';
import type { OfflineQueue } from '../core/offline/register-offline-queue';
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
export function OfflineQueueProvider({ queue, children }: OfflineQueueProviderProps) {
  return <OfflineQueueContext.Provider value={queue}>{children}</OfflineQueueContext.Provider>;
}
