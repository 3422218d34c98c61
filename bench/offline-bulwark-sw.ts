// bulwark's side of the offline benchmark: the queue with its defaults.
import { installOfflineQueue } from 'bulwark/sw';

const scope = globalThis as unknown as {
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  addEventListener: (
    type: string,
    listener: (event: { waitUntil: (p: Promise<unknown>) => void }) => void,
  ) => void;
};
scope.addEventListener('install', () => void scope.skipWaiting());
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
installOfflineQueue({ match: (request) => new URL(request.url).pathname.startsWith('/api/') });
