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
