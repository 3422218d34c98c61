import { useCallback } from 'react';
import { isSamePresented, selectPresented, type Presented } from '../../core/store/selectors';
import { useErrorStore } from '../hooks/use-error-store';
import { readRecords } from './read-record';

/** How often presenters look at the store at most: a storm becomes a few renders per second. */
export const DEFAULT_PRESENT_THROTTLE_MS = 200;

/** What the presenters show now, re-read at most once per `throttleMs`. */
export function usePresented(maxToasts: number, throttleMs = DEFAULT_PRESENT_THROTTLE_MS): Presented {
  const select = useCallback(
    // Records are read defensively: one forged record must not take the presenters down (issue 9).
    (state: Parameters<typeof selectPresented>[0]) =>
      selectPresented({ ...state, records: readRecords(state.records) }, maxToasts),
    [maxToasts],
  );
  return useErrorStore(select, { isEqual: isSamePresented, throttleMs });
}
