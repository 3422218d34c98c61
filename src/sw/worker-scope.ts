// The few service-worker globals the queue uses, typed here: the project compiles against the DOM
// library, which cannot be mixed with the WebWorker one.

/** An event whose handling the worker may extend (`waitUntil`). */
export interface ExtendableEventLike extends Event {
  waitUntil: (promise: Promise<unknown>) => void;
}

interface SyncEventLike extends ExtendableEventLike {
  readonly tag: string;
}

interface MessageEventLike extends ExtendableEventLike {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}

/** The parts of `ServiceWorkerGlobalScope` the queue needs. */
export interface WorkerScope {
  readonly registration: { readonly sync?: { register: (tag: string) => Promise<void> } };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'sync', listener: (event: SyncEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** The worker's global scope (read when called, never at import time). */
export const worker = () => globalThis as unknown as WorkerScope;
