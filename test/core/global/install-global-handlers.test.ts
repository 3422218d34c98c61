import {
  AppError,
  createResilience,
  installGlobalHandlers,
  RELOAD_ONCE_KEY,
  type Resilience,
} from 'bulwark/core';
import { memoryStorage } from './memory-storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A window-like `error` event; `error: null` is what a cross-origin script error carries. */
const errorEvent = (init: { message?: string; filename?: string; error?: unknown }) =>
  Object.assign(new Event('error'), { message: '', filename: '', error: null, ...init });
const rejection = (reason: unknown) => Object.assign(new Event('unhandledrejection'), { reason });

let target: EventTarget;
let resilience: Resilience;
beforeEach(() => {
  vi.useFakeTimers();
  target = new EventTarget();
  resilience = createResilience();
});
afterEach(() => vi.useRealTimers());

const records = () => resilience.store.getState().records;

describe('installGlobalHandlers', () => {
  it('captures an uncaught error with source global', () => {
    installGlobalHandlers(resilience, { target });
    const thrown = new TypeError('x is undefined');
    target.dispatchEvent(errorEvent({ message: 'Uncaught TypeError: x is undefined', error: thrown }));
    vi.runAllTimers();
    expect(records()).toHaveLength(1);
    expect(records()[0]!.context).toMatchObject({ source: 'global', tags: { handler: 'error' } });
    expect(resilience.isCaptured(thrown)).toBe(true);
  });

  it('captures an unhandled rejection, whatever the reason is', () => {
    installGlobalHandlers(resilience, { target });
    target.dispatchEvent(rejection(new Error('fetch failed')));
    target.dispatchEvent(rejection('a string'));
    target.dispatchEvent(rejection(undefined));
    vi.runAllTimers();
    expect(records().map((r) => r.context.tags?.['handler'])).toEqual([
      'unhandledrejection',
      'unhandledrejection',
      'unhandledrejection',
    ]);
  });

  it('does not capture again what was already captured (a boundary got there first)', () => {
    installGlobalHandlers(resilience, { target });
    const thrown = new Error('caught by a boundary');
    target.dispatchEvent(errorEvent({ message: thrown.message, error: thrown }));
    resilience.capture(thrown, { source: 'boundary', level: 'feature' });
    vi.runAllTimers();
    expect(records()).toHaveLength(1);
    expect(records()[0]!.context.source).toBe('boundary');
  });

  it('counts noise without capturing it', () => {
    const handlers = installGlobalHandlers(resilience, { target });
    target.dispatchEvent(errorEvent({ message: 'ResizeObserver loop limit exceeded' }));
    target.dispatchEvent(
      errorEvent({ message: 'ResizeObserver loop completed with undelivered notifications.' }),
    );
    target.dispatchEvent(errorEvent({ message: 'Script error.' }));
    target.dispatchEvent(errorEvent({ message: 'oops', filename: 'chrome-extension://abc/content.js' }));
    const fromExtension = new Error('ext');
    fromExtension.stack =
      'Error: ext\n    at inject (moz-extension://123/inject.js:1:1)\n    at app (https://app/x.js:1:1)';
    target.dispatchEvent(rejection(fromExtension));
    vi.runAllTimers();
    expect(records()).toHaveLength(0);
    expect(handlers.noiseCounts()).toEqual({
      'resize-observer': 2,
      'cross-origin-script': 1,
      extension: 2,
      custom: 0,
    });
  });

  it('captures an app error whose stack merely passes through an extension', () => {
    installGlobalHandlers(resilience, { target });
    const error = new Error('app bug');
    error.stack =
      'Error: app bug\n    at save (https://app/main.js:10:5)\n    at wrapped (chrome-extension://abc/hook.js:1:1)';
    target.dispatchEvent(rejection(error));
    vi.runAllTimers();
    expect(records()).toHaveLength(1);
  });

  it('applies an extra ignore filter, and survives one that throws', () => {
    const handlers = installGlobalHandlers(resilience, {
      target,
      ignore: ({ error }) => {
        if (error === 'explode') throw new Error('bad filter');
        return error instanceof AppError && error.kind === 'aborted';
      },
    });
    target.dispatchEvent(rejection(new AppError('cancelled', { kind: 'aborted' })));
    target.dispatchEvent(rejection('explode'));
    vi.runAllTimers();
    expect(handlers.noiseCounts().custom).toBe(1);
    expect(records()).toHaveLength(1);
  });

  it('stops listening and drops pending captures when uninstalled', () => {
    const uninstall = installGlobalHandlers(resilience, { target });
    target.dispatchEvent(rejection(new Error('pending')));
    uninstall();
    target.dispatchEvent(rejection(new Error('after')));
    vi.runAllTimers();
    expect(records()).toHaveLength(0);
  });

  it('listens on globalThis by default', () => {
    const uninstall = installGlobalHandlers(resilience);
    window.dispatchEvent(rejection(new Error('from window')));
    vi.runAllTimers();
    uninstall();
    expect(records()).toHaveLength(1);
  });

  it('reloads once when a chunk-load error is captured', () => {
    const reload = vi.fn();
    installGlobalHandlers(resilience, { target, chunkReload: { reload, storage: memoryStorage() } });
    target.dispatchEvent(
      rejection(new TypeError('Failed to fetch dynamically imported module: /assets/page.js')),
    );
    vi.runAllTimers();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('leaves chunk-load errors alone with chunkReload: false', () => {
    sessionStorage.removeItem(RELOAD_ONCE_KEY);
    installGlobalHandlers(resilience, { target, chunkReload: false });
    resilience.capture(Object.assign(new Error('Loading chunk 3 failed'), { name: 'ChunkLoadError' }));
    expect(records()[0]!.error.kind).toBe('chunk-load');
    expect(sessionStorage.getItem(RELOAD_ONCE_KEY)).toBeNull();
  });
});
