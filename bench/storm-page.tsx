// The browser side of the storm benchmark: bundled by bench/storm.bench.ts with esbuild (React in
// production mode) and run in headless Chromium, where long tasks are measured by the browser itself.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { toast, Toaster } from 'sonner';
import { AppError, createResilience, ResilienceProvider, type Presentation } from '../src/index';

export type Scenario =
  | { kind: 'naive'; n: number }
  | { kind: 'bulwark'; n: number; presentation?: Presentation; perTask?: number };

export interface StormResult {
  burstMs: number;
  /** Long tasks (> 50 ms) other than the burst itself. */
  longestOtherTaskMs: number;
  longTasks: number;
  toasts: number;
  dialogs: number;
  settledMs: number;
  /** Longest batch of captures, when errors arrive in several tasks. */
  longestBatchMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const word = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
const count = (selector: string) => document.querySelectorAll(selector).length;

async function runStorm(scenario: Scenario): Promise<StormResult> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  const resilience = createResilience();
  root.render(
    scenario.kind === 'naive'
      ? createElement(Toaster, { visibleToasts: 3 })
      : createElement(
          ResilienceProvider,
          { resilience, globalHandlers: false },
          createElement('main', null, 'app'),
        ),
  );
  await sleep(200);
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  // The errors are made before the clock starts: creating them (and their stacks) is the app's cost, not capture's.
  const errors = Array.from(
    { length: scenario.n },
    (_, i) => new AppError(`Widget ${word(i)} failed`, { kind: 'server' }),
  );
  const context = {
    source: 'global',
    presentation: scenario.kind === 'bulwark' ? scenario.presentation : undefined,
  };
  const start = performance.now();
  const capture = (i: number) => resilience.capture(errors[i], context);
  let burstEnd: number;
  let longestBatchMs = 0;
  if (scenario.kind === 'naive') {
    for (let i = 0; i < scenario.n; i++) toast.error(`Widget ${word(i)} failed`);
    burstEnd = performance.now();
    while (count('[data-sonner-toast]') < scenario.n && performance.now() - start < 60_000) await sleep(10);
  } else if (scenario.perTask) {
    for (let done = 0; done < scenario.n; done += scenario.perTask) {
      const batchStart = performance.now();
      for (let i = done; i < done + scenario.perTask; i++) capture(i);
      longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStart);
      await sleep(0);
    }
    burstEnd = start; // no single burst: every long task counts
  } else {
    for (let i = 0; i < scenario.n; i++) capture(i);
    burstEnd = performance.now();
  }
  const settledMs = performance.now() - start;
  await sleep(1500);
  observer.disconnect();
  const isBurst = (t: PerformanceEntry) =>
    burstEnd > start && t.startTime <= start + 1 && t.startTime + t.duration >= burstEnd - 1;
  const others = tasks.filter((t) => !isBurst(t)).map((t) => t.duration);
  const result = {
    burstMs: burstEnd - start,
    longestOtherTaskMs: Math.max(0, ...others),
    longTasks: others.length,
    toasts: scenario.kind === 'naive' ? count('[data-sonner-toast]') : count('[data-bulwark="toast"]'),
    dialogs: count('dialog[open]'),
    settledMs,
    longestBatchMs,
  };
  toast.dismiss();
  root.unmount();
  return result;
}

(window as unknown as { runStorm: typeof runStorm }).runStorm = runStorm;
