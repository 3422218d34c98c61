// A 100-item job interrupted by a real page reload after item 40: the next run does 41–100 only.
import type { DraftStore } from 'bulwark/core';
import { expect, it, vi } from 'vitest';
import { openPage, readIndexedDb } from './frame';

type Report = { done: number; failed: number; remaining: number; aborted: boolean };

/** The job's report, set only by the page that ran to the end (after the reload). */
const finalReport = (frame: HTMLIFrameElement) =>
  vi.waitFor(
    () => {
      const value = (frame.contentWindow as { jobReport?: Report } | null)?.jobReport;
      expect(value).toBeDefined();
      return value!;
    },
    { timeout: 20_000, interval: 50 },
  );
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

it('resumes after a reload at the first unfinished item, running each item exactly once', async () => {
  const name = `job-${crypto.randomUUID()}`;
  const frame = openPage('job.html', { name, reloadAt: 40 });
  // The report appears only on the page after the reload (the first page went away mid-job).
  const report = await finalReport(frame);
  expect((frame.contentWindow as unknown as { jobStore: DraftStore }).jobStore.status()).toEqual({
    storage: 'indexeddb',
    persistent: true,
  });
  expect(report).toMatchObject({ total: 100, done: 100, failed: 0, remaining: 0, aborted: false });

  const runs = Array.from({ length: 100 }, (_, i) => Number(localStorage.getItem(`${name}:runs:${i + 1}`)));
  expect(runs).toEqual(Array.from({ length: 100 }, () => 1));
  // Two page loads: the first ran 1–40, the second 41–100.
  const log = localStorage.getItem(`${name}:log`)!.split(',').filter(Boolean);
  expect(log).toEqual(['start', ...range(1, 40), 'start', ...range(41, 100)]);
  // Finished: the checkpoint is forgotten, but for the marker that says it completed.
  expect(await readIndexedDb(name)).toEqual([expect.objectContaining({ key: 'job:fixture-job:completed' })]);
  frame.remove();
});

it('gives an item that was in flight when the page died the same idempotency key when it runs again', async () => {
  const name = `job-${crypto.randomUUID()}`;
  const frame = openPage('job.html', { name, reloadIn: 41 });
  expect(await finalReport(frame)).toMatchObject({ total: 100, done: 100, failed: 0 });

  const log = localStorage.getItem(`${name}:log`)!.split(',').filter(Boolean);
  expect(log).toEqual(['start', ...range(1, 41), 'start', ...range(41, 100)]);
  const keys = Array.from({ length: 100 }, (_, i) =>
    localStorage
      .getItem(`${name}:keys:${i + 1}`)!
      .split(',')
      .filter(Boolean),
  );
  // Item 41 ran on both pages, under one key, so a server that dedupes by it does the work once.
  expect(keys[40]).toHaveLength(2);
  expect(keys[40]![0]).toBe(keys[40]![1]);
  expect(keys.filter((k, i) => i !== 40).every((k) => k.length === 1)).toBe(true);
  // One key per item, all of one run, header-safe.
  const distinct = new Set(keys.map((k) => k[0]));
  expect(distinct.size).toBe(100);
  const runIds = new Set([...distinct].map((key) => key!.split(':')[0]));
  expect(runIds.size).toBe(1);
  expect([...distinct].every((key) => /^[\x21-\x7e]+$/.test(key!))).toBe(true);
  frame.remove();
});
