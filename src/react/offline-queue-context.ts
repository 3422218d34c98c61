import { createContext, useContext } from 'react';
import type { OfflineQueue } from '../core/offline/register-offline-queue';

/** The offline queue that `useOfflineQueue` and `<OfflineBanner>` read; set with `OfflineQueueProvider`. */
export const OfflineQueueContext = /* @__PURE__ */ createContext<OfflineQueue | null>(null);

/** The queue given, else the nearest provider's; throws outside one. */
export function useOfflineQueueInstance(queue?: OfflineQueue): OfflineQueue {
  const fromContext = useContext(OfflineQueueContext);
  const found = queue ?? fromContext;
  if (!found)
    throw new Error('`useOfflineQueue` must be used within `OfflineQueueProvider` (or be given a queue)');
  return found;
}
