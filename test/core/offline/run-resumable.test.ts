import {
  createDraftStore,
  createCheckpoint,
  retry,
  constant,
  runResumable,
  type DraftStore,
  type JobWorkerContext,
} from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// jsdom has no IndexedDB: these run on the localStorage fallback; real IndexedDB is in test/browser/offline.
let store: DraftStore;
beforeEach(() => {
  store = createDraftStore({ name: `jobs-${Math.random()}`, capture: () => undefined });
});
afterEach(() => {
  store.close();
  localStorage.clear();
});

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

describe('runResumable', () => {
  it('records each success before the next item starts', async () => {
    const seen: number[] = [];
    await runResumable(
      'job',
      items(3),
      async ({ id }) => {
        const { done } = await createCheckpoint('job', { store }).load();
        seen.push(done.size);
        return id;
      },
      { store },
    );
    expect(seen).toEqual([0, 1, 2]);
  });

  it('stops cleanly on abort and later runs only what is left', async () => {
    const controller = new AbortController();
    const ran: number[] = [];
    const first = await runResumable(
      'job',
      items(10),
      ({ id }) => {
        ran.push(id);
        if (id === 4) controller.abort();
      },
      { store, signal: controller.signal, concurrency: 1 },
    );
    expect(first).toMatchObject({ done: 4, failed: 0, remaining: 6, aborted: true });
    const second = await runResumable('job', items(10), ({ id }) => void ran.push(id), { store });
    expect(second).toMatchObject({ done: 10, remaining: 0, aborted: false });
    expect(ran).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('runs at most `concurrency` items at once', async () => {
    let running = 0;
    let peak = 0;
    await runResumable(
      'job',
      items(12),
      async () => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running--;
      },
      { store, concurrency: 3 },
    );
    expect(peak).toBe(3);
  });

  it('sends failures through the retry policy, then to capture, and tries them again next time', async () => {
    const capture = vi.fn();
    const calls = new Map<string, number>();
    const worker = ({ id }: { id: number }) => {
      calls.set(String(id), (calls.get(String(id)) ?? 0) + 1);
      if (id === 2) throw Object.assign(new Error('503'), { status: 503 });
    };
    const report = await runResumable('job', items(3), worker, {
      store,
      capture,
      retry: retry({ attempts: 3, backoff: constant(0), retryOn: () => true }),
    });
    expect(report).toMatchObject({ done: 2, failed: 1, remaining: 0 });
    expect(report.failures.map((f) => f.id)).toEqual(['2']);
    expect(calls.get('2')).toBe(3);
    expect(capture).toHaveBeenCalledTimes(1);
    expect(capture.mock.calls[0]![1]).toMatchObject({ source: 'job', name: 'job', tags: { item: '2' } });
    // The next run tries only the failed item.
    const again = await runResumable('job', items(3), () => undefined, { store });
    expect(again).toMatchObject({ done: 3, failed: 0 });
    expect(calls.get('1')).toBe(1);
  });

  it('tries a failing item once without a retry policy', async () => {
    let calls = 0;
    const report = await runResumable(
      'job',
      items(1),
      () => {
        calls++;
        throw new Error('no');
      },
      { store },
    );
    expect(report.failed).toBe(1);
    expect(calls).toBe(1);
  });

  it('identifies items with getId', async () => {
    const rows = [{ sku: 'a' }, { sku: 'b' }];
    const ran: string[] = [];
    await createCheckpoint('job', { store }).markDone('a');
    await runResumable('job', rows, ({ sku }) => void ran.push(sku), { store, getId: (row) => row.sku });
    expect(ran).toEqual(['b']);
  });

  it('rejects items without an id or with duplicate ids before running any', async () => {
    const worker = vi.fn();
    await expect(runResumable('job', [{ name: 'x' }], worker, { store })).rejects.toThrow(
      /item 0 has no string or number id/,
    );
    await expect(runResumable('job', [{ id: 1 }, { id: 1 }], worker, { store })).rejects.toThrow(
      /duplicate item ids/,
    );
    expect(worker).not.toHaveBeenCalled();
  });

  it('forgets the checkpoint once every item is done', async () => {
    await runResumable('job', items(3), () => 'ok', { store });
    expect((await createCheckpoint('job', { store }).load()).done.size).toBe(0);
  });

  it('gives each item one idempotency key for every attempt and every run until the job completes', async () => {
    const keys = new Map<string, string[]>();
    const controller = new AbortController();
    const worker = ({ id }: { id: number | string }, { idempotencyKey, attempt }: JobWorkerContext) => {
      keys.set(String(id), [...(keys.get(String(id)) ?? []), idempotencyKey]);
      if (id === 2 && attempt === 1) throw new Error('flaky');
      if (id === 3) controller.abort();
    };
    const retrying = retry({ attempts: 2, backoff: constant(0), retryOn: () => true });
    // Stopped after item 3 (its record is written): item 4 is the one "in flight" on the next run.
    await runResumable('job', items(4), worker, { store, retry: retrying, signal: controller.signal });
    await runResumable('job', items(4), worker, { store });
    expect(keys.get('2')).toHaveLength(2);
    expect(new Set(keys.get('2')).size).toBe(1);
    const first = [...keys.values()].map((k) => k[0]!);
    expect(new Set(first).size).toBe(4);
    // A later job of the same id is new work: its keys are new too.
    keys.clear();
    await runResumable('job', items(4), worker, { store });
    expect([...keys.values()].flat().some((key) => first.includes(key))).toBe(false);
  });

  it('keys items by the run id recorded in the checkpoint, which cancel (abandon) renews', async () => {
    const checkpoint = createCheckpoint('job', { store });
    const cancelled = await checkpoint.runId();
    expect(await createCheckpoint('job', { store }).runId()).toBe(cancelled);
    await checkpoint.abandon();
    const runId = await checkpoint.runId();
    expect(runId).not.toBe(cancelled);
    const seen: string[] = [];
    await runResumable(
      'job',
      [{ id: 'a/b é' }],
      (_item, { idempotencyKey }) => void seen.push(idempotencyKey),
      {
        store,
      },
    );
    expect(seen).toEqual([`${runId}:a%2Fb%20%C3%A9`]);
  });

  it('runs each item once when two runs of the same job start together (two hooks, a double click)', async () => {
    const calls = new Map<number, number>();
    const worker = async ({ id }: { id: number }) => {
      calls.set(id, (calls.get(id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 1));
    };
    const [first, second] = await Promise.all([
      runResumable('import', items(20), worker, { store }),
      runResumable('import', items(20), worker, { store }),
    ]);
    expect([...calls.values()].filter((n) => n > 1)).toEqual([]);
    expect(calls.size).toBe(20);
    expect(first).toMatchObject({ done: 20 });
    expect(second).toMatchObject({ done: 20 });
  });

  it('rejects a concurrency that is not a number of 1 or more, running nothing', async () => {
    const worker = vi.fn();
    for (const concurrency of [Number.NaN, 0, -1, Infinity])
      await expect(runResumable('job', items(2), worker, { store, concurrency })).rejects.toThrow(RangeError);
    expect(worker).not.toHaveBeenCalled();
  });

  it('reports progress after each item and survives a progress listener that throws', async () => {
    const seen: number[] = [];
    const report = await runResumable('job', items(3), () => undefined, {
      store,
      onProgress: ({ done }) => {
        seen.push(done);
        throw new Error('listener bug');
      },
    });
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(report.done).toBe(3);
  });
});

describe('createCheckpoint', () => {
  it('ignores a corrupted record (no value, or null) instead of failing the job', async () => {
    const local = createDraftStore({ name: 'corrupt', indexedDB: null, capture: () => undefined });
    localStorage.setItem('corrupt:job:a:done:1', JSON.stringify({ key: 'job:a:done:1' }));
    localStorage.setItem(
      'corrupt:job:a:run',
      JSON.stringify({ key: 'job:a:run', value: null, savedAt: 1, version: 1, tab: 'x' }),
    );
    await expect(createCheckpoint('a', { store: local }).load()).resolves.toMatchObject({ runId: undefined });
    const ran: number[] = [];
    const report = await runResumable('a', items(3), ({ id }) => void ran.push(id), { store: local });
    expect(report.done).toBe(3);
    local.close();
  });

  it("keeps a job's records apart from a job whose id starts with its id and a colon", async () => {
    const other = createCheckpoint('import:2', { store });
    await other.markDone('row-1');
    await createCheckpoint('import', { store }).markDone('row-9');
    await createCheckpoint('import', { store }).complete();
    expect([...(await other.load()).done.keys()]).toEqual(['row-1']);
    expect((await createCheckpoint('import', { store }).load()).done.size).toBe(0);
  });

  it('keeps results and a cursor, and forgets them on abandon', async () => {
    const checkpoint = createCheckpoint<{ url: string }, string>('upload', { store });
    await checkpoint.markDone(7, { url: '/files/7' });
    await checkpoint.setCursor('page-3');
    const state = await checkpoint.load();
    expect(state.done.get('7')).toEqual({ url: '/files/7' });
    expect(state.cursor).toBe('page-3');
    await checkpoint.abandon();
    expect((await checkpoint.load()).done.size).toBe(0);
  });
});
