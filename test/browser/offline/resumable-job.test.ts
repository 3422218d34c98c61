// A 100-item job interrupted by a real page reload after item 40: the next run does 41–100 only.
import { expect, it, vi } from 'vitest';
import { openPage, readIndexedDb } from './frame';

type Report = { done: number; failed: number; remaining: number; aborted: boolean };

it('resumes after a reload at the first unfinished item, running each item exactly once', async () => {
  const name = `job-${crypto.randomUUID()}`;
  const frame = openPage('job.html', { name, reloadAt: 40 });
  // The report appears only on the page after the reload (the first page went away mid-job).
  const report = await vi.waitFor(
    () => {
      const value = (frame.contentWindow as { jobReport?: Report } | null)?.jobReport;
      expect(value).toBeDefined();
      return value!;
    },
    { timeout: 20_000, interval: 50 },
  );
  expect(report).toMatchObject({ total: 100, done: 100, failed: 0, remaining: 0, aborted: false });

  const runs = Array.from({ length: 100 }, (_, i) => Number(localStorage.getItem(`${name}:runs:${i + 1}`)));
  expect(runs).toEqual(Array.from({ length: 100 }, () => 1));
  // Two page loads: the first ran 1–40, the second 41–100.
  const log = localStorage.getItem(`${name}:log`)!.split(',').filter(Boolean);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  expect(log).toEqual(['start', ...range(1, 40), 'start', ...range(41, 100)]);
  // Finished: the checkpoint is forgotten.
  expect(await readIndexedDb(name)).toEqual([]);
  frame.remove();
});
