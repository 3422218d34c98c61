import { policyOf } from './abort';
import { invoke } from './invoke';
import type { Policy, PolicyContext, PolicyFn } from './types';

type Runner<R> = <T>(fn: PolicyFn<T>, context: PolicyContext) => Promise<T | R>;

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
  // Each layer is built once per compose, so a call costs one closure per layer.
  const run = policies.reduceRight<Runner<R>>(
    (inner, policy) => (fn, context) => {
      const next = inner === invoke ? fn : (c: PolicyContext) => inner(fn, c);
      return policy.run ? policy.run(next, context) : policy.execute(next, context.signal);
    },
    invoke,
  );
  return policyOf(run);
}
