// The peer in the offline benchmark: workbox-background-sync's Queue, used as its docs show
// (fetch, and on a network failure `pushRequest`), with replays on `sync` and on the page's message.
import { Queue } from 'workbox-background-sync';

interface FetchEventLike extends Event {
  request: Request;
  respondWith: (response: Promise<Response>) => void;
  waitUntil: (promise: Promise<unknown>) => void;
}
const scope = globalThis as unknown as {
  skipWaiting: () => Promise<void>;
  clients: { claim: () => Promise<void> };
  addEventListener: (type: string, listener: (event: FetchEventLike & { data?: unknown }) => void) => void;
};

const queue = new Queue('bench');
scope.addEventListener('install', () => void scope.skipWaiting());
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
scope.addEventListener('fetch', (event) => {
  if (event.request.method !== 'POST') return;
  const clone = event.request.clone();
  event.respondWith(
    fetch(event.request).catch(async () => {
      await queue.pushRequest({ request: clone });
      return new Response(null, { status: 202 });
    }),
  );
});
scope.addEventListener('message', (event) => {
  if (event.data === 'replay') event.waitUntil(queue.replayRequests());
});
