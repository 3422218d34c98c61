// Break-it 11d (D3): a resolve or dismiss asked of a storm placeholder before its turn is applied at the end of
// the slice that made its record, after every capture of that slice: a recurrence captured AFTER the resolve
// (queued behind it, handled in the same slice) is hidden as recovered/dismissed. Outside a storm, and when
// the slices fall differently, the same calls leave the record active.
// Run: npx vitest run --project unit test/breakit11d/storm-placeholder-status.test.ts
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, createResilience } from 'bulwark/core';

afterEach(() => vi.useRealTimers());

const failure = () => new AppError('Saving the draft failed', { kind: 'server' });
const other = (n: string) => new AppError(`Widget ${n} failed`, { kind: 'server' });

/**
 * A resilience whose burst clock the test drives: the first capture uses up the task's budget, and every
 * queued one then drains in one slice (a storm of cheap repeats, as the repeat path makes them).
 */
const stormy = () => {
  let t = 0;
  let advance = true;
  const resilience = createResilience({
    burst: { minItems: 1, budgetMs: 4, now: () => (advance ? (t += 10) : t) },
  });
  resilience.capture(other('gh'));
  advance = false;
  return resilience;
};

const statusOf = (resilience: ReturnType<typeof createResilience>) =>
  resilience.store.getState().records.find((r) => r.error.message === failure().message)?.status;

describe('break-it 11d: a status asked early of a storm placeholder, then a recurrence', () => {
  it('outside a storm: capture, resolve, capture again leaves the record active (the reference)', () => {
    const resilience = createResilience();
    const first = resilience.capture(failure());
    resilience.resolve(first.id);
    resilience.capture(failure());
    expect(statusOf(resilience)).toBe('active');
  });

  it('D3 resolve: a recurrence captured after the resolve of a waiting placeholder keeps its record active', async () => {
    vi.useFakeTimers();
    const resilience = stormy();
    const first = resilience.capture(failure());
    expect(first.fingerprint).toBe('waiting');
    // useAsyncAction's next run succeeded: it resolves the record its failure was answered with.
    resilience.resolve(first.id);
    // Then the same failure happens again.
    expect(resilience.capture(failure()).fingerprint).toBe('waiting');
    await vi.runAllTimersAsync();
    const record = resilience.store.getState().records.find((r) => r.error.message === failure().message);
    expect(record?.count).toBe(2);
    expect(statusOf(resilience)).toBe('active');
  });

  it('D3 dismiss: a recurrence captured after the dismiss of a waiting placeholder keeps its record active', async () => {
    vi.useFakeTimers();
    const resilience = stormy();
    const first = resilience.capture(failure());
    resilience.dismiss(first.id);
    resilience.capture(failure());
    await vi.runAllTimersAsync();
    expect(statusOf(resilience)).toBe('active');
  });

  it('D3 flush: the same order drained by flush() keeps the record active', () => {
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(other('gh'));
    const first = resilience.capture(failure());
    resilience.resolve(first.id);
    resilience.capture(failure());
    resilience.flush();
    expect(statusOf(resilience)).toBe('active');
  });
});
