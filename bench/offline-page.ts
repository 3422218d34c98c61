// The offline benchmark's page: `?workbox` registers the peer's worker, otherwise bulwark's queue.
import { registerOfflineQueue } from 'bulwark';

const workbox = location.search.includes('workbox');
const outbox = workbox ? undefined : registerOfflineQueue({ serviceWorkerUrl: '/sw.js' });
if (workbox) void navigator.serviceWorker.register('/sw.js');

/** Posts bodies `from`..`to`-1, `parallel` at a time; resolves with the statuses seen. */
async function postRange(from: number, to: number, parallel = 20) {
  const statuses: Record<number, number> = {};
  let next = from;
  const lane = async () => {
    while (next < to) {
      const body = `body-${next++}`;
      const response = await fetch('/api/items', { method: 'POST', body }).catch(() => undefined);
      const status = response?.status ?? -1;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return statuses;
}

async function replay() {
  if (outbox) await outbox.replay();
  else navigator.serviceWorker.controller?.postMessage('replay');
}

Object.assign(window, { postRange, replay, controlled: () => navigator.serviceWorker.controller !== null });
