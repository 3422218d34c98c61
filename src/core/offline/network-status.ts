import { createListeners } from '../policies/listeners';

/**
 * Where online/offline events come from: called with `setOnline` on the first subscribe; returns
 * the cleanup, called after the last unsubscribe. Swap it for tests, SSR or a worker.
 */
export type NetworkEventSource = (setOnline: (online: boolean) => void) => (() => void) | undefined;

/** A page-wide, subscribable "is the network there?" (like TanStack Query's `onlineManager`). */
export interface NetworkStatus {
  /** The last known state; `navigator.onLine` until an event says otherwise, `true` where there is no navigator. */
  readonly isOnline: () => boolean;
  /** Calls `listener` with every change; the event source is attached on the first subscribe. */
  readonly subscribe: (listener: (online: boolean) => void) => () => void;
  /** Sets the state by hand (tests, or an app that knows better, e.g. after failed pings). */
  readonly setOnline: (online: boolean) => void;
  /** Replaces the event source (re-attaching it if someone is subscribed). */
  readonly setEventSource: (source: NetworkEventSource) => void;
}

/** The default source: the window's (or worker's) `online` / `offline` events; nothing during SSR. */
export const browserNetworkEvents: NetworkEventSource = (setOnline) => {
  if (typeof addEventListener !== 'function') return undefined;
  const online = () => setOnline(true);
  const offline = () => setOnline(false);
  addEventListener('online', online);
  addEventListener('offline', offline);
  return () => {
    removeEventListener('online', online);
    removeEventListener('offline', offline);
  };
};

/**
 * Builds a network status. Most code uses the shared {@link networkStatus}; build your own for an
 * isolated test or a worker.
 *
 * @example
 * const status = createNetworkStatus((setOnline) => { socket.onclose = () => setOnline(false); return undefined; });
 */
export function createNetworkStatus(source: NetworkEventSource = browserNetworkEvents): NetworkStatus {
  const listeners = createListeners<boolean>();
  let online: boolean | undefined;
  let detach: (() => void) | undefined;

  const isOnline = () => (online ??= typeof navigator === 'undefined' || navigator.onLine);
  const setOnline = (next: boolean) => {
    if (isOnline() === next) return;
    online = next;
    listeners.emit(next);
  };
  const attach = () => {
    detach = source(setOnline) ?? undefined;
  };

  return {
    isOnline,
    setOnline,
    subscribe(listener) {
      const unsubscribe = listeners.add(listener);
      if (listeners.count() === 1) attach();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        unsubscribe();
        if (listeners.count() === 0) {
          detach?.();
          detach = undefined;
        }
      };
    },
    setEventSource(next) {
      detach?.();
      detach = undefined;
      source = next;
      if (listeners.count() > 0) attach();
    },
  };
}

/** The page's network status, shared by every resilience instance (a page has one network). */
export const networkStatus: NetworkStatus = /* @__PURE__ */ createNetworkStatus();
