import { rejectSoon } from './reject-soon';
import type { PolicyContext, PolicyFn } from './types';

/**
 * `fn(context)` as a promise, without an async frame (the success path of every policy stays one
 * `.then`); a synchronous throw rejects it, as {@link rejectSoon} does.
 */
export function invoke<T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T> {
  try {
    return Promise.resolve(fn(context));
  } catch (error) {
    return rejectSoon(error);
  }
}
