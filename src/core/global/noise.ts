// Noise filters for the global handlers: events that are not the app's failure and that nobody can act on.
// This matches event text rather than classifying errors (that stays in the classify rules): it only decides
// which window events are dropped before they reach `capture`.

import { readProperty } from '../errors/read-property';

/** Why a global event was dropped. */
export type NoiseKind = 'resize-observer' | 'extension' | 'cross-origin-script';

/** What the filters look at: an `error` event's fields, or a rejection's reason. */
export interface GlobalEventFacts {
  message?: string;
  filename?: string;
  /** The thrown value or rejection reason. */
  error?: unknown;
}

// Chromium: "ResizeObserver loop limit exceeded" / "... completed with undelivered notifications"; harmless.
const RESIZE_OBSERVER = /ResizeObserver loop/;
// Browsers hide cross-origin script errors as "Script error." with no error object: nothing to act on.
const SCRIPT_ERROR = /^Script error\.?$/;
const EXTENSION_URL = /^(?:chrome|moz|safari|safari-web|ms-browser)-extension:\/\//;
const FIRST_URL = /\b[a-z][\w+.-]*:\/\/\S+/;

const stackOf = (value: unknown): string => {
  try {
    const stack = (value as { stack?: unknown } | null)?.stack;
    return typeof stack === 'string' ? stack : '';
  } catch {
    return '';
  }
};

/**
 * Which noise an event is, or `undefined` when it is a real error. An error counts as an extension's when the
 * script that threw it, or the top frame of its stack, is an extension URL.
 */
export function classifyNoise({
  message = '',
  filename = '',
  error,
}: GlobalEventFacts): NoiseKind | undefined {
  // By shape, not `instanceof`: an error thrown in an iframe or worker is from another realm (issue 9).
  const thrown = readProperty(error, 'message');
  const text = message || (typeof thrown === 'string' ? thrown : '');
  if (RESIZE_OBSERVER.test(text)) return 'resize-observer';
  if (error == null && SCRIPT_ERROR.test(message)) return 'cross-origin-script';
  const topFrame = FIRST_URL.exec(stackOf(error))?.[0] ?? '';
  if (EXTENSION_URL.test(filename) || EXTENSION_URL.test(topFrame)) return 'extension';
  return undefined;
}
