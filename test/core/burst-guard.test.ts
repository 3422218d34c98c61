import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, createResilience } from 'bulwark/core';

afterEach(() => vi.useRealTimers());

// Letters g–z only: the fingerprint strips numbers and hex-looking ids, and these must stay distinct.
const word = (i: number) => i.toString(20).replace(/./g, (c) => String.fromCharCode(103 + parseInt(c, 20)));
const distinct = (i: number) => new AppError(`Widget ${word(i)} failed`, { kind: 'server' });

describe('error storms', () => {
  it('handles at most `limit` captures in one task and the rest in later tasks, in order', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 10 } });
    const results = Array.from({ length: 35 }, (_, i) => resilience.capture(distinct(i)));
    expect(resilience.store.getState().records).toHaveLength(10);
    expect(results[9]!.fingerprint).not.toBe('waiting');
    expect(results[10]!.fingerprint).toBe('waiting');
    expect(results[10]!.presentation).toBe('silent');

    await vi.runOnlyPendingTimersAsync();
    expect(resilience.store.getState().records).toHaveLength(20);
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    const messages = resilience.store.getState().records.map((r) => r.error.message);
    expect(messages).toHaveLength(35);
    expect(messages).toEqual(Array.from({ length: 35 }, (_, i) => distinct(i).message));
  });

  it('hands each task a fresh allowance once the queue is empty', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 2 } });
    resilience.capture(distinct(1));
    resilience.capture(distinct(2));
    expect(resilience.capture(distinct(3)).fingerprint).toBe('waiting');
    await vi.runOnlyPendingTimersAsync();
    await vi.runOnlyPendingTimersAsync();
    expect(resilience.capture(distinct(4)).fingerprint).not.toBe('waiting');
  });

  it('treats a second capture of a waiting error as the same capture', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(1));
    const error = distinct(2);
    const first = resilience.capture(error);
    expect(resilience.isCaptured(error)).toBe(true);
    expect(resilience.capture(error)).toBe(first);
    resilience.flush();
    expect(resilience.store.getState().records.map((r) => r.count)).toEqual([1, 1]);
  });

  it('never defers a boundary capture, which needs its classified error now', () => {
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(1));
    const record = resilience.capture(new TypeError('Failed to fetch'), { source: 'boundary' });
    expect(record.error.kind).toBe('network');
  });

  it('flush handles everything that is waiting', () => {
    const resilience = createResilience({ burst: { limit: 5 } });
    for (let i = 0; i < 50; i++) resilience.capture(distinct(i));
    resilience.flush();
    expect(resilience.store.getState().records).toHaveLength(50);
  });

  it('drops what exceeds maxPending and says how many in one record', () => {
    const resilience = createResilience({ burst: { limit: 1, maxPending: 3 } });
    for (let i = 0; i < 10; i++) resilience.capture(distinct(i));
    resilience.flush();
    const records = resilience.store.getState().records;
    expect(records.map((r) => r.error.message)).toEqual([
      distinct(0).message,
      distinct(1).message,
      distinct(2).message,
      distinct(3).message,
      '6 errors were dropped during an error storm',
    ]);
    expect(records.at(-1)!.error.severity).toBe('warning');
  });
});

describe('a time budget per task', () => {
  /** A clock that advances `costMs` each time it is read while a capture runs. */
  const slowClock = (costMs: number) => {
    let t = 0;
    return { now: () => (t += costMs) };
  };

  it('handles captures at once until the budget is spent, then defers the rest', async () => {
    vi.useFakeTimers();
    // Each reading of the clock advances 1 ms: one capture costs about 1 ms of a 5 ms budget.
    const resilience = createResilience({ burst: { budgetMs: 5, minItems: 0, ...slowClock(1) } });
    const results = Array.from({ length: 20 }, (_, i) => resilience.capture(distinct(i)));
    const handledNow = results.filter((r) => r.fingerprint !== 'waiting').length;
    expect(handledNow).toBeGreaterThan(0);
    expect(handledNow).toBeLessThan(20);
    await vi.runAllTimersAsync();
    expect(resilience.store.getState().records).toHaveLength(20);
  });

  it('always handles the first minItems captures of a task at once, however slow', () => {
    const resilience = createResilience({ burst: { budgetMs: 1, minItems: 3, ...slowClock(100) } });
    const results = Array.from({ length: 5 }, (_, i) => resilience.capture(distinct(i)));
    expect(results.map((r) => r.fingerprint === 'waiting')).toEqual([false, false, false, true, true]);
    resilience.flush();
  });

  it('makes progress when one capture costs more than the whole budget', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { budgetMs: 1, minItems: 1, ...slowClock(50) } });
    for (let i = 0; i < 4; i++) resilience.capture(distinct(i));
    expect(resilience.store.getState().records).toHaveLength(1);
    await vi.runOnlyPendingTimersAsync();
    expect(resilience.store.getState().records).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(resilience.store.getState().records).toHaveLength(4);
  });

  it('ends a drained slice before an item as slow as its slowest so far would overrun the budget', async () => {
    vi.useFakeTimers();
    // Each reading of the clock advances 3 ms: a capture costs 3 ms of a 4 ms budget. Two fit in the burst's
    // own task (the budget is checked before each), but a drained slice takes one, not two (6 ms).
    const resilience = createResilience({ burst: { budgetMs: 4, minItems: 0, ...slowClock(3) } });
    for (let i = 0; i < 6; i++) resilience.capture(distinct(i));
    expect(resilience.store.getState().records).toHaveLength(2);
    await vi.runOnlyPendingTimersAsync();
    expect(resilience.store.getState().records).toHaveLength(3);
    await vi.runAllTimersAsync();
    // Nothing is lost: every capture is recorded, in order.
    expect(resilience.store.getState().records.map((r) => r.error.message)).toEqual(
      Array.from({ length: 6 }, (_, i) => distinct(i).message),
    );
  });

  it('publishes each drained slice of a storm in one store update', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 2, budgetMs: Infinity } });
    const updates: number[] = [];
    resilience.store.subscribe((state) => updates.push(state.records.length));
    for (let i = 0; i < 8; i++) resilience.capture(distinct(i));
    expect(updates).toEqual([1, 2]);
    await vi.runAllTimersAsync();
    expect(updates).toEqual([1, 2, 4, 6, 8]);
    for (let i = 8; i < 18; i++) resilience.capture(distinct(i));
    resilience.flush();
    expect(updates.slice(5)).toEqual([9, 10, 18]);
  });

  it('counts a recurrence within one drained slice as one more occurrence of its record', () => {
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(0));
    for (let i = 0; i < 3; i++) resilience.capture(distinct(1));
    resilience.flush();
    expect(resilience.store.getState().records.map((r) => r.count)).toEqual([1, 3]);
  });
});

describe('the task a storm is drained in', () => {
  const withScheduler = (postTask: (task: () => void) => Promise<void>) => {
    (globalThis as { scheduler?: unknown }).scheduler = { postTask };
    return () => delete (globalThis as { scheduler?: unknown }).scheduler;
  };

  it('is posted with scheduler.postTask where the browser has it, not a clamped setTimeout', () => {
    vi.useFakeTimers();
    const posted: (() => void)[] = [];
    const restore = withScheduler((task) => (posted.push(task), Promise.resolve()));
    try {
      const resilience = createResilience({ burst: { limit: 2 } });
      for (let i = 0; i < 7; i++) resilience.capture(distinct(i));
      expect(vi.getTimerCount()).toBe(0);
      // Each posted task drains one slice and posts the next.
      for (let slice = 0; slice < 4 && posted.length > 0; slice++) posted.shift()!();
      expect(resilience.store.getState().records).toHaveLength(7);
    } finally {
      restore();
    }
  });

  it('reports a task that throws as an uncaught error, as setTimeout would', async () => {
    const reported: unknown[] = [];
    const original = globalThis.reportError;
    globalThis.reportError = (error) => reported.push(error);
    const restore = withScheduler((task) => Promise.resolve().then(task));
    try {
      const failure = new Error('listener of a drained slice');
      const resilience = createResilience({ burst: { limit: 1 } });
      // A store whose update throws outside its listeners' guard: the slice's publication fails.
      resilience.store.getState().upsertAll = () => {
        throw failure;
      };
      resilience.capture(distinct(0));
      resilience.capture(distinct(1));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(reported).toEqual([failure]);
    } finally {
      restore();
      globalThis.reportError = original;
    }
  });
});
