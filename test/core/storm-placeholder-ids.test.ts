// A capture that waits its turn in an error storm answers with a placeholder record. Its id must reach the
// record made for it later, as a boundary's stand-in id does (findings-11b B3 kind): `useAsyncAction`
// resolves the record its failure returned once the action succeeds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError, createResilience } from 'bulwark/core';

afterEach(() => vi.useRealTimers());

// Letters g–z only: the fingerprint strips numbers and hex-looking ids, and these must stay distinct.
const word = (i: number) => i.toString(20).replace(/./g, (c) => String.fromCharCode(103 + parseInt(c, 20)));
const distinct = (i: number) => new AppError(`Widget ${word(i)} failed`, { kind: 'server' });

const statusOf = (resilience: ReturnType<typeof createResilience>, message: string) =>
  resilience.store.getState().records.find((r) => r.error.message === message)?.status;

describe('a storm placeholder’s id', () => {
  it('resolves and dismisses the record made for it once its turn came', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(0));
    const first = resilience.capture(distinct(1));
    const second = resilience.capture(distinct(2));
    expect([first.fingerprint, second.fingerprint]).toEqual(['waiting', 'waiting']);
    await vi.runAllTimersAsync();
    resilience.resolve(first.id);
    resilience.dismiss(second.id);
    expect(statusOf(resilience, distinct(1).message)).toBe('recovered');
    expect(statusOf(resilience, distinct(2).message)).toBe('dismissed');
    expect(statusOf(resilience, distinct(0).message)).toBe('active');
  });

  it('keeps a resolve or dismiss asked before its turn, without draining the storm for it', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(0));
    const first = resilience.capture(distinct(1));
    const second = resilience.capture(distinct(2));
    resilience.resolve(first.id);
    resilience.dismiss(second.id);
    expect(resilience.store.getState().records).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(statusOf(resilience, distinct(1).message)).toBe('recovered');
    expect(statusOf(resilience, distinct(2).message)).toBe('dismissed');
  });

  it('reaches the record of a thrown string, which no WeakMap can hold', () => {
    const resilience = createResilience({ burst: { limit: 1 } });
    resilience.capture(distinct(0));
    const waiting = resilience.capture('session expired');
    resilience.flush();
    resilience.resolve(waiting.id);
    expect(statusOf(resilience, 'session expired')).toBe('recovered');
  });

  it('reaches its record for every capture of a 1,000-error storm, not only the latest', () => {
    const resilience = createResilience({ burst: { limit: 1, budgetMs: Infinity } });
    const answers = Array.from({ length: 1000 }, (_, i) => resilience.capture(distinct(i)));
    resilience.flush();
    // The store keeps the latest 100 records: each of them must be reachable through its placeholder.
    for (const answer of answers.slice(-100)) resilience.resolve(answer.id);
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(100);
    expect(records.filter((r) => r.status === 'recovered')).toHaveLength(100);
  });

  it('keeps no id of a capture the storm dropped, and a resolve of it changes nothing', () => {
    const resilience = createResilience({ burst: { limit: 1, maxPending: 1 } });
    resilience.capture(distinct(0));
    resilience.capture(distinct(1));
    const dropped = resilience.capture(distinct(2));
    resilience.resolve(dropped.id);
    resilience.flush();
    expect(resilience.store.getState().records.map((r) => r.status)).toEqual(['active', 'active', 'active']);
  });
});
