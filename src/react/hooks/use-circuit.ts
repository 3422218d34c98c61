import { useSyncExternalStore } from 'react';
import type { CircuitSnapshot } from '../../core/policies/types';
import { useResilience } from '../resilience-context';

/**
 * The state of the instance's breaker `name` (`state`, `nextAttemptAt`, `reason`); re-renders on
 * each transition. Creates the breaker with the registry defaults when nothing has used it yet.
 *
 * @example
 * const { state, nextAttemptAt } = useCircuit('payments');
 * if (state === 'open') return <p>Payments are paused until {new Date(nextAttemptAt!).toLocaleTimeString()}</p>;
 */
export function useCircuit(name: string): CircuitSnapshot {
  const breaker = useResilience().breaker(name);
  return useSyncExternalStore(breaker.subscribe, breaker.getSnapshot, breaker.getSnapshot);
}
