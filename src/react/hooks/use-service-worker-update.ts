import { useCallback, useEffect, useState } from 'react';
import type { Workbox } from 'workbox-window';

/** What {@link useServiceWorkerUpdate} returns. */
export interface ServiceWorkerUpdate {
  /** True when a new worker is installed and waiting for the open tabs to close. */
  updateAvailable: boolean;
  /** Activates the waiting worker (skip waiting), then reloads the page once it controls it. */
  update: () => void;
}

/**
 * The service-worker update prompt: tells when a new version waits, and applies it on request
 * (`waiting` → ask the user → skip waiting → reload), including a worker that was already waiting
 * when the page opened. Pass `outbox.workbox` from `registerOfflineQueue` or your own workbox-window
 * instance. The worker must not call `skipWaiting()` on install, and must call it on workbox-window's
 * `{ type: 'SKIP_WAITING' }` message (see the README's offline-queue section).
 *
 * @example
 * const { updateAvailable, update } = useServiceWorkerUpdate(outbox.workbox);
 * return updateAvailable ? <button onClick={update}>Reload to update</button> : null;
 */
export function useServiceWorkerUpdate(workbox: Workbox | Promise<Workbox> | undefined): ServiceWorkerUpdate {
  const [wb, setWb] = useState<Workbox>();
  const [updateAvailable, setUpdateAvailable] = useState(false);
  useEffect(() => {
    let active = true;
    let detach: (() => void) | undefined;
    void Promise.resolve(workbox).then(
      async (instance) => {
        if (!active || !instance) return;
        const waiting = () => setUpdateAvailable(true);
        instance.addEventListener('waiting', waiting);
        detach = () => instance.removeEventListener('waiting', waiting);
        setWb(instance);
        // A worker that was already waiting when the page registered: workbox-window announces it
        // one microtask after `register()`, before this listener could exist.
        const registration = await navigator.serviceWorker.getRegistration();
        if (active && registration?.waiting && registration.active) setUpdateAvailable(true);
      },
      () => undefined,
    );
    return () => {
      active = false;
      detach?.();
    };
  }, [workbox]);
  const update = useCallback(() => {
    if (!wb) return;
    // Reload only once the new worker controls the page, so the page and worker versions match.
    wb.addEventListener('controlling', () => window.location.reload());
    wb.messageSkipWaiting();
  }, [wb]);
  return { updateAvailable, update };
}
