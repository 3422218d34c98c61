import type { Resilience } from '../resilience';
import { classifyNoise, type GlobalEventFacts, type NoiseKind } from './noise';
import { reloadOnChunkError } from './reload-on-chunk-error';
import type { ReloadOnceOptions } from './reload-once';

/** Options for {@link installGlobalHandlers}. */
export interface GlobalHandlerOptions {
  /** The event target to listen on. @default globalThis (window in a page, self in a worker) */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Drops further events as noise (counted as `custom`); the built-in filters run first. @default undefined */
  ignore?: (facts: GlobalEventFacts) => boolean;
  /** Reload once when a chunk fails to load (see `reloadOnChunkError`); `false` turns it off. @default {} */
  chunkReload?: ReloadOnceOptions | false;
}

/** Events dropped as noise since install, per filter. */
export type NoiseCounts = Readonly<Record<NoiseKind | 'custom', number>>;

/** Uninstalls the handlers when called; also reports what the noise filters dropped. */
export interface GlobalHandlers {
  (): void;
  /** Events dropped as noise since install, per filter (counted, never shown or reported). */
  noiseCounts: () => NoiseCounts;
}

/**
 * Sends what no error boundary sees through `capture` (source `global`): window `error` events (uncaught
 * exceptions) and `unhandledrejection` (promises nobody caught). Noise is counted, not captured: the
 * ResizeObserver loop warning, errors from browser-extension scripts and cross-origin "Script error.". Also
 * reloads once on a chunk-load error. `<ResilienceProvider>` installs it unless told not to. Touches no global
 * until called, so it is SSR-safe; returns the uninstaller.
 *
 * Capture is deferred by a task and skipped when something else captured the same error first: in React 18
 * development an error caught by a boundary is also dispatched as a window `error` event, before the boundary's
 * `componentDidCatch` runs.
 *
 * @example
 * const uninstall = installGlobalHandlers(resilience);
 * uninstall.noiseCounts(); // { 'resize-observer': 2, extension: 0, 'cross-origin-script': 1, custom: 0 }
 */
export function installGlobalHandlers(
  resilience: Resilience,
  options: GlobalHandlerOptions = {},
): GlobalHandlers {
  const target = options.target ?? globalThis;
  const counts = { 'resize-observer': 0, extension: 0, 'cross-origin-script': 0, custom: 0 };
  const pending = new Set<ReturnType<typeof setTimeout>>();

  const handle = (facts: GlobalEventFacts, handler: string) => {
    try {
      const noise = classifyNoise(facts) ?? (options.ignore?.(facts) ? 'custom' : undefined);
      if (noise) {
        counts[noise]++;
        return;
      }
    } catch {
      // A throwing `ignore` filter must not hide the error it was asked about.
    }
    const error = facts.error ?? facts.message;
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!resilience.isCaptured(error)) resilience.capture(error, { source: 'global', tags: { handler } });
    }, 0);
    pending.add(timer);
  };

  const onError = (event: Event) => {
    const { message, filename, error } = event as { message?: string; filename?: string; error?: unknown };
    handle({ message, filename, error: error ?? undefined }, 'error');
  };
  const onRejection = (event: Event) => {
    handle({ error: (event as { reason?: unknown }).reason }, 'unhandledrejection');
  };

  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  const stopChunkReload =
    options.chunkReload === false ? undefined : reloadOnChunkError(resilience, options.chunkReload);

  const uninstall = () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
    stopChunkReload?.();
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
  };
  return Object.assign(uninstall, { noiseCounts: (): NoiseCounts => ({ ...counts }) });
}
