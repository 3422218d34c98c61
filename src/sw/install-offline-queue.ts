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
import { sendTellingRefusal } from '../core/offline/cors-refused';
import { OutboxKeyConflictError } from '../core/offline/outbox-key-conflict-error';
import {
  QUEUE_ERROR_HEADER,
  QUEUED_HEADER,
  toEntry,
  toRequest,
  withoutHeaders,
  type OutboxEntry,
} from '../core/offline/outbox-record';
import { createOutboxReplayer } from '../core/offline/outbox-replayer';
import { createRedactor, type RedactOptions } from '../core/errors/redact';
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
  /**
   * Rewrites each request just before a replay sends it (e.g. a fresh `Authorization` header: the
   * stored request has none, see `dropHeaders`).
   */
  onReplayRequest?: (request: Request) => Request | Promise<Request>;
  /**
   * Headers never written to IndexedDB (case-insensitive): credentials would otherwise sit there in
   * clear for up to `maxAgeMs`. The first, live attempt still sends them; a replay sends what
   * `onReplayRequest` puts on (without it, an API that needs them answers 401: the outbox pauses until
   * `resume()`). Pass `[]` to store every header.
   * @default ['authorization', 'cookie', 'proxy-authorization']
   */
  dropHeaders?: readonly string[];
  /**
   * Origins besides the worker's own (e.g. `'https://api.example.com'`) whose requests get an
   * `Idempotency-Key` added. Their CORS rules must allow it (`Access-Control-Allow-Headers:
   * Idempotency-Key`): the header makes the browser send a preflight first. Requests to other origins
   * keep only the app's own key, if it set one.
   * @default []
   */
  keyOrigins?: readonly string[];
  /** The IndexedDB database's name. @default 'bulwark-outbox' */
  dbName?: string;
  /**
   * How long one replayed request may wait for its answer, in ms; then it counts as a network
   * failure (kept, retried with backoff and the same key), so a hung server cannot hold the line.
   * @default 60000
   */
  replayTimeoutMs?: number;
  /**
   * The app's redaction rules (pass the same object as `createResilience({ reporting: { redact } })`):
   * dead-letter excerpts and failure messages are redacted with them, before they are cut to 200
   * characters and stored. @default the default rules
   */
  redact?: RedactOptions;
}

/** The worker's handle on its outbox. */
export interface InstalledOfflineQueue {
  readonly name: string;
  /** Sends what is pending now (`force` ignores the backoff delay of the head entry). */
  readonly replay: (force?: boolean) => Promise<void>;
}

/** @see OfflineQueueOptions.maxAgeMs */
export const DEFAULT_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** @see OfflineQueueOptions.dropHeaders */
export const DEFAULT_DROP_HEADERS: readonly string[] = ['authorization', 'cookie', 'proxy-authorization'];
const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

const json = (body: unknown, status: number, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/**
 * Installs an offline queue in a service worker: a matching request that fails on the network is
 * stored in IndexedDB and answered `202` with a `Bulwark-Queued: <id>` header; entries are sent again
 * in order, each with the same `Idempotency-Key`, and removed only after a 2xx. Replay starts from
 * Background Sync's `sync` event where it exists and from the pages' messages (`registerOfflineQueue`).
 * When the request cannot be stored (quota, IndexedDB unavailable) the answer is a `507` with a
 * `Bulwark-Queue-Error` header and a JSON body, never a `202`; when an entry already holds the app's
 * `Idempotency-Key` for a different request, a `409` with `Bulwark-Queue-Error: key-conflict`.
 * Credentials (`dropHeaders`) are never stored.
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
    redactor: options.redact ? createRedactor(options.redact) : undefined,
  });
  const syncTag = outboxChannelName(name);
  // Background Sync where it exists (Chromium); elsewhere the pages' triggers do the work.
  const registerSync = () =>
    worker()
      .registration.sync?.register(syncTag)
      .catch(() => undefined);

  const dropHeaders = options.dropHeaders ?? DEFAULT_DROP_HEADERS;
  const keyOrigins = options.keyOrigins ?? [];
  /** A `409`: the app reused its own key for another request (F17); nothing was queued. */
  const conflict = (error: OutboxKeyConflictError) =>
    json(
      { error: 'bulwark-outbox-key-conflict', conflictsWith: error.conflictsWith, message: error.message },
      409,
      { [QUEUE_ERROR_HEADER]: 'key-conflict' },
    );

  const handle = async (request: Request, event: ExtendableEventLike): Promise<Response> => {
    const entry: OutboxEntry = await toEntry(request, name, { keyOrigins });
    // What is stored has no credentials; the live attempt below still sends them.
    const stored = withoutHeaders(entry, dropHeaders);
    let queued: OutboxEntry | undefined;
    try {
      // First in, first out: while others wait (or the outbox is paused) a new request goes behind them.
      queued = await store.addIfWaiting(stored);
    } catch (error) {
      if (error instanceof OutboxKeyConflictError) return conflict(error);
      // Storage unusable: send it straight away; if that fails too, the add below reports it.
    }
    if (!queued) {
      // Offline or the server unreachable: queue it. But a cross-origin server that answers has refused
      // the request's CORS preflight: queueing it would say "saved" while online and replay it in vain
      // forever (F9). The app gets the failure it would get without the worker.
      const { response, refused } = await sendTellingRefusal(
        entry.url,
        () =>
          fetch(toRequest(entry)).then(
            (answer) => ({ response: answer }),
            () => ({ failed: 'network' as const }),
          ),
        Boolean(entry.key),
      );
      if (response) return response;
      if (refused) return Response.error();
      try {
        await store.add(stored);
      } catch (error) {
        if (error instanceof OutboxKeyConflictError) return conflict(error);
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
