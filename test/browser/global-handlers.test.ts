// Real browser events: an exception thrown from a timer and a promise nobody caught reach `capture`.
import { createResilience, installGlobalHandlers } from 'bulwark/core';
import { afterEach, expect, it, vi } from 'vitest';

// Vitest fails a run on uncaught errors; these tests cause them on purpose, so mark them handled (after our
// handlers have seen them: listeners added later run later).
const handled = (event: Event) => event.preventDefault();
let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const fn of cleanup) fn();
  cleanup = [];
});

function install() {
  const resilience = createResilience();
  const uninstall = installGlobalHandlers(resilience);
  window.addEventListener('error', handled);
  window.addEventListener('unhandledrejection', handled);
  cleanup.push(uninstall, () => {
    window.removeEventListener('error', handled);
    window.removeEventListener('unhandledrejection', handled);
  });
  return { resilience, uninstall };
}

it('captures an exception thrown from a timer', async () => {
  const { resilience } = install();
  const thrown = new Error('thrown from a timer');
  setTimeout(() => {
    throw thrown;
  });
  await vi.waitFor(() => expect(resilience.store.getState().records).toHaveLength(1));
  const [record] = resilience.store.getState().records;
  expect(record!.error.message).toBe('thrown from a timer');
  expect(record!.context).toMatchObject({ source: 'global', tags: { handler: 'error' } });
  expect(resilience.isCaptured(thrown)).toBe(true);
});

it('captures a promise rejection nobody handled', async () => {
  const { resilience } = install();
  void Promise.reject(new TypeError('nobody awaited me'));
  await vi.waitFor(() => expect(resilience.store.getState().records).toHaveLength(1));
  const [record] = resilience.store.getState().records;
  expect(record!.error.message).toBe('nobody awaited me');
  expect(record!.context.tags).toEqual({ handler: 'unhandledrejection' });
});

it('counts a ResizeObserver loop error as noise', async () => {
  const { resilience, uninstall } = install();
  window.dispatchEvent(
    new ErrorEvent('error', { message: 'ResizeObserver loop limit exceeded', cancelable: true }),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(resilience.store.getState().records).toHaveLength(0);
  expect(uninstall.noiseCounts()['resize-observer']).toBe(1);
});
