import type { Workbox } from 'workbox-window';
import { AppError } from '../errors/app-error';
import { HttpError } from '../errors/http-error';
import type { CaptureContext } from '../types';
import type { Redactor } from '../errors/redact';
import { loadIdb } from './load-idb';
import { networkStatus, type NetworkStatus } from './network-status';
import {
  OUTBOX_COMMAND,
  outboxChannelName,
  type OutboxCommand,
  type OutboxCommandReply,
  type OutboxNews,
} from './outbox-protocol';
import { toDeadLetter } from './outbox-record';
import { OutboxStorageError } from './outbox-storage-error';
import { createOutboxStore, OUTBOX_DB_NAME } from './outbox-store';
import type { DeadLetter, OutboxSnapshot } from './outbox-types';
import { createListeners } from '../policies/listeners';

/** Options of {@link registerOfflineQueue}. */
export interface RegisterOfflineQueueOptions {
  /** The service worker script that calls `installOfflineQueue` (from `bulwark/sw`). */
  serviceWorkerUrl: string;
  /** The outbox's name, as given to `installOfflineQueue`. @default 'default' */
  name?: string;
  /**
   * Where dead letters, a 401 pause and storage failures are captured (`source: 'queue'`); its
   * `redactor` (the app's `reporting.redact` rules) also redacts the dead letters' URLs and excerpts
   * shown on the page. @default none (the default rules)
   */
  resilience?: { capture: (error: unknown, context?: CaptureContext) => unknown; redactor?: Redactor };
  /** Options of `navigator.serviceWorker.register`. @default {} */
  scope?: string;
  /** Which network status starts a replay when the page comes back online. @default the shared `networkStatus` */
  network?: NetworkStatus;
  /** The IndexedDB database's name, as given to `installOfflineQueue`. @default 'bulwark-outbox' */
  dbName?: string;
}

/** The page's handle on an outbox: what {@link registerOfflineQueue} returns and `useOfflineQueue` reads. */
export interface OfflineQueue {
  /** The current state; the same object until something changes. */
  readonly getSnapshot: () => OutboxSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Sends what is pending now, without waiting for a backoff delay. Dead letters are not touched. */
  readonly replay: () => Promise<void>;
  /** Puts a dead letter back in line (at the end) and starts a replay. Resolves false for an unknown id. */
  readonly retry: (id: string) => Promise<boolean>;
  /** Deletes a dead letter for good. Resolves false for an unknown id. */
  readonly discard: (id: string) => Promise<boolean>;
  /** Ends a pause caused by a 401 (call it after signing in again) and starts a replay. */
  readonly resume: () => Promise<void>;
}

/** {@link OfflineQueue} as built by {@link registerOfflineQueue}: also the registration, and a way to stop. */
export interface RegisteredOfflineQueue extends OfflineQueue {
  /** The workbox-window instance (for `useServiceWorkerUpdate`, or your own messages). */
  readonly workbox: Promise<Workbox>;
  /** Removes the page's listeners and timers (the worker and its outbox stay). */
  readonly dispose: () => void;
}

const RECONNECT_SETTLE_MS = 1000;
const REFRESH_GAP_MS = 100;
const MAX_TIMER_MS = 60_000;
const EMPTY: OutboxSnapshot = { pending: 0, dead: [], replaying: false, paused: false };

const sameSnapshot = (a: OutboxSnapshot, b: OutboxSnapshot) =>
  a.pending === b.pending &&
  a.replaying === b.replaying &&
  a.paused === b.paused &&
  a.dead.length === b.dead.length &&
  a.dead.every((letter, i) => letter.id === b.dead[i]?.id && letter.attempts === b.dead[i].attempts);

/**
 * Registers the service worker (through workbox-window) and gives the page a view of its outbox and
 * the controls. Replays start from here too, so the queue works without Background Sync: on page
 * start, on `online`, when the tab is visible again, and when the head entry's backoff ends.
 * Dead letters (once each, by whichever open tab reads them first, including those made while no tab
 * was open), a 401 pause and storage failures go to `resilience.capture`.
 * Reads and commands reject with an `OutboxStorageError` when IndexedDB fails.
 *
 * @example
 * const outbox = registerOfflineQueue({ serviceWorkerUrl: '/sw.js', resilience });
 * outbox.subscribe(() => console.log(outbox.getSnapshot().pending));
 */
export function registerOfflineQueue(options: RegisterOfflineQueueOptions): RegisteredOfflineQueue {
  const name = options.name ?? 'default';
  const store = createOutboxStore(
    name,
    () => loadIdb().then(({ openDB }) => openDB),
    options.dbName ?? OUTBOX_DB_NAME,
  );
  const listeners = createListeners<undefined>();
  // Never a `userAction`: the queue works in the background (a replay, a worker's storage), so what it
  // captures stays at most a toast (README, disclosure); the app's own code that made a request knows
  // whether the user asked for it, and gets the 202/507/409 answer itself.
  const capture = (error: unknown, context: CaptureContext = {}) => {
    try {
      options.resilience?.capture(error, { source: 'queue', name, ...context });
    } catch {
      // capture never throws, but an app's own object might.
    }
  };
  let snapshot = EMPTY;
  let replaying = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const workbox = import('workbox-window').then(async ({ Workbox }) => {
    // Without this, workbox-window only logs, and every command would wait forever for a worker.
    if (!('serviceWorker' in navigator)) {
      throw new Error('Offline queue: service workers are not available here (needs HTTPS or localhost)');
    }
    const wb = new Workbox(options.serviceWorkerUrl, options.scope ? { scope: options.scope } : {});
    await wb.register({ immediate: true });
    return wb;
  });
  workbox.catch((error: unknown) => capture(error));

  const send = async (message: OutboxCommand): Promise<OutboxCommandReply> => {
    const reply = (await (await workbox).messageSW(message)) as OutboxCommandReply;
    if (reply.error) throw new OutboxStorageError('unavailable', reply.error);
    return reply;
  };
  const replay = (force: boolean) => send({ type: OUTBOX_COMMAND, outbox: name, command: 'replay', force });
  const quietly = (force: boolean) => void replay(force).catch((error: unknown) => capture(error));

  /** Captures a dead letter: an expired one never got an answer, so it is no HttpError (status 0 reads as offline). */
  const captureDead = (letter: DeadLetter) =>
    capture(
      letter.reason === 'expired'
        ? new AppError('Offline queue: a change waited longer than maxAgeMs and was not sent', {
            code: 'OUTBOX_EXPIRED',
            retryable: false,
          })
        : new HttpError({ status: letter.status, url: letter.url, bodyExcerpt: letter.excerpt }),
      {
        attempts: letter.attempts,
        tags: { outboxEntry: letter.id, reason: letter.reason, request: `${letter.method} ${letter.url}` },
      },
    );

  const refresh = async () => {
    const { pending, dead, paused, pauseUnreported, head } = await store.overview();
    if (disposed) return;
    // Dead letters and a pause are captured from storage, not from the news: once across all tabs,
    // and also those made while no tab was open (a Background Sync replay).
    if (dead.some((entry) => !entry.reported))
      for (const entry of await store.claimUnreported())
        captureDead(toDeadLetter(entry, options.resilience?.redactor));
    const pause = pauseUnreported ? await store.claimPause() : undefined;
    if (pause) capture(new HttpError(pause));
    const next: OutboxSnapshot = {
      pending,
      dead: dead.map((entry) => toDeadLetter(entry, options.resilience?.redactor)),
      replaying: replaying && pending > 0,
      paused,
    };
    if (!sameSnapshot(snapshot, next)) {
      snapshot = next;
      listeners.emit(undefined);
    }
    // The worker may be stopped during a backoff wait: the page wakes it when the head is due.
    clearTimeout(timer);
    // At most a minute: a far `Retry-After` (30 days) would overflow setTimeout's 2^31-1 ms and fire
    // at once, again and again; the worker re-arms it with the news it sends after each wake.
    const due = Math.max(head?.notBefore ?? 0, head?.retryAfterUntil ?? 0);
    if (head && !paused && due > Date.now())
      timer = setTimeout(() => quietly(false), Math.min(due - Date.now() + 50, MAX_TIMER_MS));
  };
  // A replay sends news per entry: at most one read in flight, and one more REFRESH_GAP_MS after it
  // if news came meanwhile (a read counts the whole line: once per entry, it slowed the replay down).
  let reading = false;
  let stale = false;
  let again: ReturnType<typeof setTimeout> | undefined;
  const refreshQuietly = () => {
    if (reading) {
      stale = true;
      return;
    }
    reading = true;
    void refresh()
      .catch((error: unknown) => capture(error))
      .finally(() => {
        if (!stale) {
          reading = false;
          return;
        }
        stale = false;
        again = setTimeout(() => {
          reading = false;
          refreshQuietly();
        }, REFRESH_GAP_MS);
      });
  };

  const channel = new BroadcastChannel(outboxChannelName(name));
  channel.onmessage = ({ data }: MessageEvent<OutboxNews>) => {
    if (data.type === 'changed') replaying = data.replaying;
    if (data.type === 'replay-error')
      capture(
        new AppError(`Offline queue: onReplayRequest failed (${data.message}); the change stays queued`, {
          code: 'OUTBOX_REPLAY_HOOK',
          retryable: true,
        }),
        { tags: { request: data.url } },
      );
    if (data.type === 'storage-error')
      capture(new OutboxStorageError(data.problem), { tags: { request: data.url } });
    refreshQuietly();
  };

  const network = options.network ?? networkStatus;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const offNetwork = network.subscribe((online) => {
    if (!online) return;
    quietly(true);
    // `online` often fires before the route is usable (Wi-Fi up, DNS not yet): if that first try
    // failed, one more a second later, instead of the failed entry's whole backoff.
    clearTimeout(settle);
    settle = setTimeout(() => snapshot.pending > 0 && quietly(true), RECONNECT_SETTLE_MS);
  });
  const visible = () => document.visibilityState === 'visible' && quietly(false);
  document.addEventListener('visibilitychange', visible);
  refreshQuietly();
  workbox.then(
    () => quietly(false),
    () => undefined,
  );

  return {
    workbox,
    getSnapshot: () => snapshot,
    subscribe: listeners.add,
    replay: () => replay(true).then(() => undefined),
    retry: async (id) => (await send({ type: OUTBOX_COMMAND, outbox: name, command: 'retry', id })).ok,
    discard: async (id) => (await send({ type: OUTBOX_COMMAND, outbox: name, command: 'discard', id })).ok,
    resume: () => send({ type: OUTBOX_COMMAND, outbox: name, command: 'resume' }).then(() => undefined),
    dispose() {
      disposed = true;
      clearTimeout(timer);
      clearTimeout(settle);
      clearTimeout(again);
      channel.close();
      offNetwork();
      document.removeEventListener('visibilitychange', visible);
    },
  };
}
