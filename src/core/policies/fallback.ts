import { isAppError } from '../errors/app-error';
import { policyOf } from './abort';
import type { Policy, PolicyContext, PolicyFn } from './types';

/** Options for {@link fallback}. */
export interface FallbackOptions {
  /** Which failures get the fallback. @default every failure except an abort */
  on?: (error: unknown) => boolean;
}

/** A fallback policy: its calls answer `fn`'s result or `F`. */
export type FallbackPolicy<F> = Required<Policy<F>>;

const notAborted = (error: unknown) => !(isAppError(error) && error.kind === 'aborted');

/**
 * Answers with a value (or the result of a function of the error) when the call fails, e.g. cached
 * data or an empty list, so the page renders something. An error thrown by the fallback function
 * rejects the call with that error.
 *
 * @example
 * const recommendations = compose(fallback([]), retry(), breaker);
 * const items = await recommendations.execute(() => api.recommendations());
 */
export function fallback<F>(
  valueOrFn: F | ((error: unknown) => F | PromiseLike<F>),
  options: FallbackOptions = {},
): FallbackPolicy<F> {
  const on = options.on ?? notAborted;
  const run = async <T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T | F> => {
    try {
      return await fn(context);
    } catch (error) {
      if (!on(error)) throw error;
      return typeof valueOrFn === 'function'
        ? (valueOrFn as (error: unknown) => F | PromiseLike<F>)(error)
        : valueOrFn;
    }
  };
  return policyOf(run);
}
