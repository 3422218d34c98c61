import type { EventEmitter } from 'node:events';

/** Frames enough to reach React's guarded callback from a jsdomError listener (about ten deep). */
const STACK_DEPTH = 40;
const GUARDED_CALLBACK = /\binvokeGuardedCallbackDev\b/;

/** True while React 18's development build replays a failed render inside its guarded callback. */
function insideReactReplay(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = STACK_DEPTH;
  try {
    return GUARDED_CALLBACK.test(new Error().stack ?? '');
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Silences jsdom's report of an error that React 18's development build rethrows on purpose: it replays a
 * failed render in a fake DOM event (`invokeGuardedCallbackDev`) so the browser's "Uncaught" report shows it,
 * and jsdom prints each one with its stack (about 2,000 lines in the suite, issue 10). Nothing is lost: React
 * already caught that error, and either hands it to a boundary, which logs "The above error occurred…"
 * through `console.error` (claimed or failed by the console guard), or rethrows it from the render, which
 * fails the test. Every other jsdom error (an event handler that throws, "Not implemented") still prints.
 * A no-op outside jsdom and on React 19, which replays nothing.
 */
export function quietReactReplays(): void {
  const jsdom = (globalThis as { jsdom?: { virtualConsole?: EventEmitter } }).jsdom;
  const console = jsdom?.virtualConsole;
  if (!console) return;
  const listeners = console.listeners('jsdomError') as ((error: Error) => void)[];
  console.removeAllListeners('jsdomError');
  console.on('jsdomError', (error: Error & { type?: string }) => {
    if (error.type === 'unhandled-exception' && insideReactReplay()) return;
    for (const listener of listeners) listener(error);
  });
}
