import { abortError, isAbort, policyOf } from './abort';
import type { Policy, PolicyContext, PolicyFn } from './types';

/** Options for {@link fallback}. */
export interface FallbackOptions {
  /** Which failures get the fallback; an abort never does. @default every failure */
  on?: (error: unknown) => boolean;
}

/** A fallback policy: its calls answer `fn`'s result or `F`. */
export type FallbackPolicy<F> = Required<Policy<F>>;

/**
 * Answers with a value (or the result of a function of the error) when the call fails, e.g. cached
 * data or an empty list, so the page renders something. An error thrown by the fallback function
 * rejects the call with that error. An abort means "stop", not "failed": it is rethrown, and a call
 * whose signal is already aborted rejects without calling `fn`.
 *
 * @example
 * const recommendations = compose(fallback([]), retry(), breaker);
 * const items = await recommendations.execute(() => api.recommendations());
 */
export function fallback<F>(
  valueOrFn: F | ((error: unknown) => F | PromiseLike<F>),
  options: FallbackOptions = {},
): FallbackPolicy<F> {
  const { on } = options;
  const run = async <T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T | F> => {
    if (context.signal.aborted) throw abortError(context.signal);
    try {
      return await fn(context);
    } catch (error) {
      if (isAbort(error, context.signal) || (on && !on(error))) throw error;
      return typeof valueOrFn === 'function'
        ? (valueOrFn as (error: unknown) => F | PromiseLike<F>)(error)
        : valueOrFn;
    }
  };
  return policyOf(run);
}
