// The browser side of the storm benchmark: bundled by bench/storm.bench.ts with esbuild (React in
// production mode) and run in headless Chromium, where long tasks are measured by the browser itself.
import { createElement, useState, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary as ReactErrorBoundary } from 'react-error-boundary';
import * as Sentry from '@sentry/react';
import { toast, Toaster } from 'sonner';
import { initNoOpSentry } from './no-op-sentry';
import {
  AppError,
  createResilience,
  ErrorBoundary,
  ResilienceProvider,
  type FallbackProps,
  type Presentation,
} from '../src/index';

export type Scenario =
  | { kind: 'naive'; n: number }
  /** The peer: Sentry's `captureException` of the same plain Errors, with a transport that sends nothing. */
  | { kind: 'sentry'; n: number }
  | {
      kind: 'bulwark';
      n: number;
      presentation?: Presentation;
      perTask?: number;
      /** Plain `Error`s thrown at one site (the whole pipeline runs), instead of ready AppErrors. */
      plain?: boolean;
      /** Drain the storm in `setTimeout` tasks (the burst guard's scheduler before `scheduler.postTask`). */
      timeoutScheduler?: boolean;
    };

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
  /** Longest gap between two turns of a message loop after the burst: an upper bound of the longest task. */
  longestBlockMs: number;
}

/** Thrown at one site, as a storm is: one line of app code failing again and again. */
function failAt(message: string): Error {
  return new Error(message);
}

/** The largest gap between turns of a MessageChannel loop over `ms`: how long the page could not respond. */
async function watchBlocks(ms: number): Promise<number> {
  const channel = new MessageChannel();
  const end = performance.now() + ms;
  let last = performance.now();
  let longest = 0;
  await new Promise<void>((resolve) => {
    channel.port1.onmessage = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      if (now < end) channel.port2.postMessage(null);
      else resolve();
    };
    channel.port2.postMessage(null);
  });
  channel.port1.close();
  return longest;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const word = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
const count = (selector: string) => document.querySelectorAll(selector).length;

async function runStorm(scenario: Scenario): Promise<StormResult> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  if (scenario.kind === 'sentry') initNoOpSentry();
  const resilience = createResilience(
    scenario.kind === 'bulwark' && scenario.timeoutScheduler
      ? { burst: { schedule: (task) => void setTimeout(task, 0) } }
      : {},
  );
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
  const plain = scenario.kind === 'sentry' || (scenario.kind === 'bulwark' && scenario.plain);
  const errors = Array.from({ length: scenario.n }, (_, i) =>
    plain ? failAt(`Widget ${word(i)} failed`) : new AppError(`Widget ${word(i)} failed`, { kind: 'server' }),
  );
  const context = {
    source: 'global',
    presentation: scenario.kind === 'bulwark' ? scenario.presentation : undefined,
  };
  const start = performance.now();
  const capture = (i: number) => resilience.capture(errors[i], context);
  let burstEnd: number;
  let longestBatchMs = 0;
  if (scenario.kind === 'sentry') {
    for (let i = 0; i < scenario.n; i++) Sentry.captureException(errors[i]);
    burstEnd = performance.now();
  } else if (scenario.kind === 'naive') {
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
    // Where bench/storm-trace.ts starts looking for long tasks.
    performance.mark('storm-burst-end');
  }
  const settledMs = performance.now() - start;
  const longestBlockMs = await watchBlocks(1500);
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
    longestBlockMs,
  };
  toast.dismiss();
  root.unmount();
  return result;
}

/**
 * The control for the storm goal: the same page and the same watch with no storm at all. On a loaded machine
 * the renderer is preempted for tens of ms at a time; a long task here is the machine, not bulwark.
 */
async function runIdle(): Promise<Pick<StormResult, 'longTasks' | 'longestBlockMs'>> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  root.render(
    createElement(
      ResilienceProvider,
      { resilience: createResilience(), globalHandlers: false },
      createElement('main', null, 'app'),
    ),
  );
  await sleep(200);
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  performance.mark('storm-watch-start');
  const longestBlockMs = await watchBlocks(1500);
  observer.disconnect();
  root.unmount();
  return { longTasks: tasks.length, longestBlockMs };
}

/**
 * The boundaries timed from click to painted fallback. The two `bulwark (...)` variants split the gap to
 * react-error-boundary: the boundary alone, and under a provider that mounts no presenters.
 */
/**
 * The second control: sonner alone (no bulwark) showing one error toast in a fresh page, watched the same
 * way. Traces showed the storm's first toast (sonner's first render and its forced layout in a cold page)
 * as one of the long tasks after a storm (bench/storm-trace.ts); this is what that toast costs by itself.
 */
async function runFirstToast(): Promise<Pick<StormResult, 'longTasks' | 'longestBlockMs'>> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  root.render(createElement(Toaster, { visibleToasts: 3 }));
  await sleep(200);
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  toast.error('Widget failed', { description: 'Something went wrong' });
  const longestBlockMs = await watchBlocks(1500);
  observer.disconnect();
  toast.dismiss();
  root.unmount();
  return { longTasks: tasks.length, longestBlockMs };
}

export type ClickBoundary =
  | 'bulwark'
  | 'react-error-boundary'
  | 'bulwark (no provider)'
  | 'bulwark (provider, no presenters)'
  | 'react-error-boundary beside a sonner Toaster';

const Fallback = ({ error }: FallbackProps) => (
  <p role="alert">{error instanceof Error ? error.message : 'Something went wrong'}</p>
);

function Widget() {
  const [broken, setBroken] = useState(false);
  if (broken) throw failAt('Widget failed');
  return <button onClick={() => setBroken(true)}>Break</button>;
}

/**
 * ms from a click that makes a component throw to its fallback painted: the click runs in a frame's
 * requestAnimationFrame callback, React renders and commits in the click, the browser paints that frame,
 * and a message posted in the callback arrives after the paint.
 */
async function runClick(boundary: ClickBoundary): Promise<number> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = createRoot(document.getElementById('root')!);
  const Boundary = (
    boundary.startsWith('react-error-boundary') ? ReactErrorBoundary : ErrorBoundary
  ) as ComponentType<{
    FallbackComponent: typeof Fallback;
    children?: ReactNode;
  }>;
  const tree = createElement(Boundary, { FallbackComponent: Fallback }, createElement(Widget));
  root.render(
    boundary === 'bulwark' || boundary === 'bulwark (provider, no presenters)'
      ? createElement(
          ResilienceProvider,
          { resilience: createResilience(), globalHandlers: false, presenters: boundary === 'bulwark' },
          tree,
        )
      : boundary === 'react-error-boundary beside a sonner Toaster'
        ? // The page bulwark's presenters make (sonner's toaster and its styles), without bulwark.
          createElement('div', null, tree, createElement(Toaster, { visibleToasts: 3 }))
        : tree,
  );
  await sleep(100);
  const button = document.querySelector('button')!;
  const ms = await new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const start = performance.now();
      button.click();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      // A task posted in a frame's callbacks runs once that frame has been rendered and painted.
      channel.port2.postMessage(null);
    }),
  );
  if (!document.querySelector('[role="alert"]')) throw new Error(`${boundary}: no fallback`);
  root.unmount();
  return ms;
}

Object.assign(window, { runStorm, runClick, runIdle, runFirstToast });
