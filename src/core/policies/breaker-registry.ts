import { circuitBreaker } from './circuit-breaker';
import { createListeners } from './listeners';
import type { CircuitBreaker, CircuitBreakerOptions, CircuitTransition } from './types';

/** One breaker per service name, and one place to watch them all. */
export interface BreakerRegistry {
  /** The breaker named `name`, created with `options` (over the registry defaults) on first use. */
  readonly get: (name: string, options?: Omit<CircuitBreakerOptions, 'name'>) => CircuitBreaker;
  /** Every breaker created so far. */
  readonly list: () => readonly CircuitBreaker[];
  /** Calls `listener` on every transition of every breaker; returns the unsubscribe. */
  readonly subscribe: (listener: (transition: CircuitTransition) => void) => () => void;
}

/**
 * A registry of breakers by name (what `resilience.breaker(name)` uses), so every caller of one
 * service shares its breaker. Options given after the first `get` of a name are ignored.
 *
 * @example
 * const breakers = createBreakerRegistry({ halfOpenAfterMs: 10_000 });
 * breakers.get('search').execute(() => search(q));
 */
export function createBreakerRegistry(defaults: Omit<CircuitBreakerOptions, 'name'> = {}): BreakerRegistry {
  const breakers = new Map<string, CircuitBreaker>();
  const listeners = createListeners<CircuitTransition>();
  return {
    get: (name, options) => {
      let breaker = breakers.get(name);
      if (!breaker) {
        breaker = circuitBreaker({ ...defaults, ...options, name });
        breaker.subscribe(listeners.emit);
        breakers.set(name, breaker);
      }
      return breaker;
    },
    list: () => [...breakers.values()],
    subscribe: listeners.add,
  };
}
