import { classifyNoise, type NoiseKind } from '../core/global/noise';
import type { SentryEvent } from './types';

/**
 * Which browser noise an event is (ResizeObserver loop, a browser extension's frames, cross-origin
 * "Script error."), with the same rules as bulwark's global handlers; `undefined` for a real error.
 */
export function eventNoise(event: SentryEvent, originalException: unknown): NoiseKind | undefined {
  const exception = event.exception?.values?.at(-1);
  // Sentry lists frames oldest first: the last is where it was thrown.
  const topFrame = exception?.stacktrace?.frames?.at(-1);
  const message = exception?.value ?? event.message ?? '';
  const error = originalException ?? (exception ? {} : undefined);
  return classifyNoise({ message, filename: topFrame?.filename ?? topFrame?.abs_path, error });
}
