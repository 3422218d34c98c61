import { useSyncExternalStore } from 'react';
import type { DegradationSnapshot } from '../../core/degradation/types';
import { useResilience } from '../resilience-context';

/**
 * The app's degradation state (`level`, `cause`, `reason`, `unavailable` features); re-renders when it changes.
 *
 * @example
 * const { level } = useDegradation();
 * return level === 'offline' ? <OfflinePage /> : <App />;
 */
export function useDegradation(): DegradationSnapshot {
  const { degradation } = useResilience();
  return useSyncExternalStore(degradation.subscribe, degradation.getSnapshot, degradation.getSnapshot);
}
