import { act, renderHook, waitFor } from '@testing-library/react';
import { useResumableJob } from 'bulwark';
import { afterEach, expect, it } from 'vitest';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
afterEach(() => localStorage.clear());

it('records an item that finishes after the page unmounted, so the next visit does not run it again', async () => {
  const calls = new Map<number, number>();
  // A worker that ignores its signal (a non-abortable upload, a third-party SDK call).
  const worker = async ({ id }: { id: number }) => {
    calls.set(id, (calls.get(id) ?? 0) + 1);
    await sleep(60);
  };
  // The hook's own store (no `store` option): jsdom has no IndexedDB, so it is localStorage.
  const first = renderHook(() => useResumableJob('hook-job', items(6), worker));
  await waitFor(() => expect(first.result.current.status).toBe('idle'));
  let run: Promise<unknown> | undefined;
  act(() => {
    run = first.result.current.resume();
  });
  await waitFor(() => expect(calls.has(3)).toBe(true));
  first.unmount(); // a route change while item 3 is in flight
  await run;

  const second = renderHook(() => useResumableJob('hook-job', items(6), worker));
  await waitFor(() => expect(second.result.current.status).toBe('interrupted'));
  expect(second.result.current.progress.done).toBe(3);
  await act(async () => {
    await second.result.current.resume();
  });
  expect(second.result.current.status).toBe('done');
  expect([...calls.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  second.unmount();
});
