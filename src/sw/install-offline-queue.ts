import { openDB } from 'idb';
import { registerRoute, Route } from 'workbox-routing';
import type { OutboxBackoffOptions } from '../core/offline/outbox-decision';
import {
  isOutboxCommand,
  outboxChannelName,
  type OutboxCommand,
  type OutboxCommandReply,
  type OutboxNews,
} from '../core/offline/outbox-protocol';
import {
  QUEUE_ERROR_HEADER,
  QUEUED_HEADER,
  toEntry,
  toRequest,
  type OutboxEntry,
} from '../core/offline/outbox-record';
import { createOutboxReplayer } from '../core/offline/outbox-replayer';
import { toStorageError } from '../core/offline/outbox-storage-error';
import { createOutboxStore, OUTBOX_DB_NAME } from '../core/offline/outbox-store';
import { worker, type ExtendableEventLike } from './worker-scope';

/** Options of {@link installOfflineQueue}. */
export interface OfflineQueueOptions extends OutboxBackoffOptions {
  /**
   * Which requests the outbox takes care of. Only `POST`, `PUT`, `PATCH` and `DELETE` are ever
   * offered: reads are for a cache, not an outbox.
   *
   * @example (request) => new URL(request.url).pathname.startsWith('/api/')
   */
  match: (request: Request) => boolean;
  /** One outbox per name; the page's `registerOfflineQueue` must use the same. @default 'default' */
  name?: string;
  /** Entries older than this (ms since queued) become dead letters instead of being sent. @default 604800000 (7 days) */
  maxAgeMs?: number;
  /** Rewrites each request just before a replay sends it (e.g. a fresh `Authorization` header). */
  onReplayRequest?: (request: Request) => Request | Promise<Request>;
  /** The IndexedDB database's name. @default 'bulwark-outbox' */
  dbName?: string;
  /**
   * How long one replayed request may wait for its answer, in ms; then it counts as a network
   * failure (kept, retried with backoff and the same key), so a hung server cannot hold the line.
   * @default 60000
   */
  replayTimeoutMs?: number;
}

/** The worker's handle on its outbox. */
export interface InstalledOfflineQueue {
  readonly name: string;
  /** Sends what is pending now (`force` ignores the backoff delay of the head entry). */
  readonly replay: (force?: boolean) => Promise<void>;
}

/** @see OfflineQueueOptions.maxAgeMs */
export const DEFAULT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

const json = (body: unknown, status: number, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/**
 * Installs an offline queue in a service worker: a matching request that fails on the network is
 * stored in IndexedDB and answered `202` with a `Bulwark-Queued: <id>` header; entries are sent again
 * in order, each with the same `Idempotency-Key`, and removed only after a 2xx. Replay starts from
 * Background Sync's `sync` event where it exists and from the pages' messages (`registerOfflineQueue`).
 * When the request cannot be stored (quota, IndexedDB unavailable) the answer is a `507` with a
 * `Bulwark-Queue-Error` header and a JSON body, never a `202`.
 * Call it once per name, at the worker's top level (event listeners must be added during its first run).
 * It also answers workbox-window's `{ type: 'SKIP_WAITING' }` message (the update prompt of
 * `useServiceWorkerUpdate`) with `skipWaiting()`.
 *
 * @example
 * // sw.ts
 * import { installOfflineQueue } from 'bulwark/sw';
 * installOfflineQueue({ match: (request) => new URL(request.url).pathname.startsWith('/api/') });
 */
export function installOfflineQueue(options: OfflineQueueOptions): InstalledOfflineQueue {
  const name = options.name ?? 'default';
  const store = createOutboxStore(name, () => openDB, options.dbName ?? OUTBOX_DB_NAME);
  const channel = new BroadcastChannel(outboxChannelName(name));
  const notify = (news: OutboxNews) => channel.postMessage(news);
  const replayer = createOutboxReplayer({
    ...options,
    name,
    store,
    maxAgeMs: options.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
    notify,
  });
  const syncTag = outboxChannelName(name);
  // Background Sync where it exists (Chromium); elsewhere the pages' triggers do the work.
  const registerSync = () =>
    worker()
      .registration.sync?.register(syncTag)
      .catch(() => undefined);

  const handle = async (request: Request, event: ExtendableEventLike): Promise<Response> => {
    const entry: OutboxEntry = await toEntry(request, name);
    let queued: OutboxEntry | undefined;
    try {
      // First in, first out: while others wait (or the outbox is paused) a new request goes behind them.
      queued = await store.addIfWaiting(entry);
    } catch {
      // Storage unusable: send it straight away; if that fails too, the add below reports it.
    }
    if (!queued) {
      try {
        return await fetch(toRequest(entry));
      } catch {
        // Offline or the server unreachable: queue it.
      }
      try {
        await store.add(entry);
      } catch (error) {
        const storageError = toStorageError(error);
        notify({ type: 'storage-error', problem: storageError.problem, url: entry.url });
        return json(
          { error: 'bulwark-outbox-storage', problem: storageError.problem, message: storageError.message },
          507,
          {
            [QUEUE_ERROR_HEADER]: storageError.problem,
          },
        );
      }
    }
    notify({ type: 'changed', replaying: replayer.isReplaying() });
    void registerSync();
    event.waitUntil(replayer.run());
    return json({ queued: true, id: entry.id }, 202, { [QUEUED_HEADER]: entry.id });
  };

  const command = async (message: OutboxCommand): Promise<OutboxCommandReply> => {
    let ok = true;
    if (message.command === 'retry') ok = await store.retry(message.id);
    if (message.command === 'discard') ok = await store.discard(message.id);
    if (message.command === 'resume') await store.setPaused(false);
    notify({ type: 'changed', replaying: replayer.isReplaying() });
    return { ok };
  };

  // workbox types its events with the WebWorker library, which this project cannot load beside the DOM one.
  for (const method of METHODS) {
    registerRoute(
      new Route(
        ({ request }) => options.match(request),
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        ({ request, event }) => handle(request, event as unknown as ExtendableEventLike),
        method,
      ),
    );
  }
  const scope = worker();
  scope.addEventListener('sync', (event) => {
    if (event.tag === syncTag) event.waitUntil(replayer.run(true));
  });
  scope.addEventListener('message', (event) => {
    const message = event.data;
    // workbox-window's `messageSkipWaiting()`, sent by `useServiceWorkerUpdate`'s `update()`.
    if ((message as { type?: unknown } | null)?.type === 'SKIP_WAITING') {
      event.waitUntil(scope.skipWaiting());
      return;
    }
    if (!isOutboxCommand(message) || message.outbox !== name) return;
    const done = command(message).then(
      (reply) => reply,
      (error: unknown): OutboxCommandReply => ({ ok: false, error: toStorageError(error).message }),
    );
    event.waitUntil(
      done.then((reply) => {
        event.ports[0]?.postMessage(reply);
        if (message.command !== 'discard') return replayer.run(message.command !== 'replay' || message.force);
        return undefined;
      }),
    );
  });

  return { name, replay: (force) => replayer.run(force) };
}
