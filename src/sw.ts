// `bulwark/sw`: the service-worker side of the offline queue.
export {
  installOfflineQueue,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_DROP_HEADERS,
  type InstalledOfflineQueue,
  type OfflineQueueOptions,
} from './sw/install-offline-queue';
export type { OutboxBackoffOptions } from './core/offline/outbox-decision';
