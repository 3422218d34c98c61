// PLACEHOLDER (owner: the boundaries helper): window `error` / `unhandledrejection` → resilience.capture.
import type { Resilience } from '../resilience';

export interface GlobalHandlerOptions {
  /** The event target to listen on. @default globalThis (window in a page, self in a worker) */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** Sends uncaught errors and unhandled rejections through `capture`. Returns an uninstall function. */
export function installGlobalHandlers(
  resilience: Resilience,
  options: GlobalHandlerOptions = {},
): () => void {
  void resilience;
  void options;
  return () => {};
}
