import { useMemo } from 'react';
import type { DegradationCause } from '../../core/degradation/types';
import { useDegradation } from './use-degradation';

/** Whether a feature works now, and if not, why. */
export interface FeatureStatus {
  available: boolean;
  /** While unavailable: the app's reason (from `degradation.set`) or the open breakers' names. */
  reason: string | undefined;
  /** While unavailable: what turned it off. */
  cause: DegradationCause | undefined;
}

/**
 * Whether feature `name` works at the current degradation level; re-renders when that changes.
 *
 * @example
 * const search = useFeature('search');
 * return search.available ? <SearchBox /> : null;
 */
export function useFeature(name: string): FeatureStatus {
  const snapshot = useDegradation();
  const available = !snapshot.unavailable.includes(name);
  const reason = available ? undefined : snapshot.reason;
  const cause = available ? undefined : snapshot.cause;
  return useMemo(() => ({ available, reason, cause }), [available, reason, cause]);
}
