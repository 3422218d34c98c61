import { firstContext } from './abort';
import type { Policy, PolicyContext, PolicyFn } from './types';

const runIn = <T, R>(policy: Policy<R>, fn: PolicyFn<T>, context: PolicyContext): Promise<T | R> =>
  policy.run ? policy.run(fn, context) : policy.execute(fn, context.signal);

/**
 * Nests policies: the first is the outermost. `compose(retry(), breaker, timeout(5000))` retries
 * around the breaker around a per-attempt timeout; the retry does not retry the breaker's
 * `circuit-open` fast-fails (they are not retryable). The attempt number reaches `fn` through
 * every layer.
 *
 * @example
 * const api = compose(fallback(null), retry({ attempts: 3 }), circuitBreaker({ name: 'api' }), timeout(8000));
 * const user = await api.execute(({ signal }) => fetchUser(id, signal));
 */
export function compose<R = never>(...policies: readonly Policy<R>[]): Required<Policy<R>> {
  const count = policies.length;
  const run = <T>(fn: PolicyFn<T>, context: PolicyContext): Promise<T | R> => {
    const layer = (index: number, inner: PolicyContext): Promise<T | R> => {
      const policy = policies[index];
      return policy
        ? runIn(policy, index + 1 < count ? (c) => layer(index + 1, c) : fn, inner)
        : Promise.resolve(fn(inner));
    };
    return layer(0, context);
  };
  return { run, execute: (fn, signal) => run(fn, firstContext(signal)) };
}
