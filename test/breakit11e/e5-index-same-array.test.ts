// Break-it 11e (E5): the store's record index is kept for the records ARRAY indexed last (record-index.ts
// `of`: `records !== list`), so a list changed in place and set back with `setState` (the same array, as
// code that mutates zustand state does: `records.push(saved); setState({ records })`) keeps its stale
// index. `capture` (resilience.ts `stored` → `recordFinder`) then misses the record that was put back and
// makes a second record with the same fingerprint instead of counting the recurrence on it (same id,
// count + 1), which a search of the list (807b3b0) did. A fresh array is re-indexed and holds.
// Run: npx vitest run --project unit test/breakit11e/e5-index-same-array.test.ts
import { describe, expect, it } from 'vitest';
import { AppError, createResilience } from 'bulwark/core';

const saving = () => new AppError('Saving the draft failed', { kind: 'server' });
const other = () => new AppError('Widget failed to load', { kind: 'server' });

const putBack = (sameArray: boolean) => {
  const resilience = createResilience();
  const first = resilience.capture(saving());
  const saved = resilience.store.getState().records.find((r) => r.id === first.id)!;
  resilience.store.getState().clear();
  resilience.capture(other());
  const { records } = resilience.store.getState();
  if (sameArray) {
    (records as typeof records & unknown[]).push(saved);
    resilience.store.setState({ records });
  } else resilience.store.setState({ records: [...records, saved] });
  resilience.capture(saving());
  return { resilience, saved };
};

describe('E5: a record put back by setState is found by the next capture of its error', () => {
  it('in a new array: one record, the same id, count 2 (holds)', () => {
    const { resilience, saved } = putBack(false);
    const mine = resilience.store.getState().records.filter((r) => r.fingerprint === saved.fingerprint);
    expect(mine.map((r) => [r.id, r.count])).toEqual([[saved.id, 2]]);
  });

  it('in the same array changed in place: one record, the same id, count 2 (fails: a duplicate record)', () => {
    const { resilience, saved } = putBack(true);
    const mine = resilience.store.getState().records.filter((r) => r.fingerprint === saved.fingerprint);
    expect(mine.map((r) => [r.id, r.count])).toEqual([[saved.id, 2]]);
  });
});
