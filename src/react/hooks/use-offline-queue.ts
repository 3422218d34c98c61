import { useSyncExternalStore } from 'react';
import type { OfflineQueue } from '../../core/offline/register-offline-queue';
import type { OutboxSnapshot } from '../../core/offline/outbox-types';
import { useOfflineQueueInstance } from '../offline-queue-context';

/** What {@link useOfflineQueue} returns: the snapshot and the queue's actions. */
export type OfflineQueueState = OutboxSnapshot &
  Pick<OfflineQueue, 'replay' | 'retry' | 'discard' | 'resume'>;

/**
 * The offline queue's state (`pending`, `dead`, `replaying`, `paused`) and its actions; re-renders on
 * every change. Reads `queue`, else the nearest `OfflineQueueProvider`'s; throws outside one.
 *
 * @example
 * const { pending, dead, retry } = useOfflineQueue();
 */
export function useOfflineQueue(queue?: OfflineQueue): OfflineQueueState {
  const instance = useOfflineQueueInstance(queue);
  const snapshot = useSyncExternalStore(instance.subscribe, instance.getSnapshot, instance.getSnapshot);
  return {
    ...snapshot,
    replay: instance.replay,
    retry: instance.retry,
    discard: instance.discard,
    resume: instance.resume,
  };
}
