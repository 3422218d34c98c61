// The cost of one `capture`, in one Node process, beside what it is compared with: creating an `Error` and
// reading its stack (what every thrown error costs the app anyway), and Sentry's `captureException` with a
// transport that sends nothing. Run with `npm run bench:capture` (node --expose-gc --import tsx bench/capture.bench.ts).
//
// Every figure is per call, the median of ROUNDS rounds of BATCH calls. The errors are made before the clock
// starts, with their stacks not yet read, so a capture pays for formatting the stack as a real one does.
import { cpus, loadavg } from 'node:os';
import type * as Core from '../src/core';
import { importAsShipped } from './import-as-shipped';
import { initNoOpSentry } from './no-op-sentry';

// tsx turns on source maps, which makes every `error.stack` read ~10x slower than in a browser.
process.setSourceMapsEnabled(false);

// bulwark is measured as it ships (see import-as-shipped.ts).
const { createResilience, AppError } = await importAsShipped<
  Pick<typeof Core, 'createResilience' | 'AppError'>
>('capture', [
  "export { createResilience } from './src/core/resilience';",
  "export { AppError } from './src/core/errors/app-error';",
]);
const Sentry = await import('@sentry/react');

const BATCH = 1000;
const ROUNDS = 15;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const word = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));

/** Thrown at one site, as a real storm is: one line of app code failing again and again. */
function failAt(message: string): Error {
  return new Error(message);
}

/** µs per call: the median over ROUNDS rounds of `run(i)` for i in 0..BATCH, with `prepare` outside the clock. */
function measure<T>(prepare: () => T[], run: (item: T) => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 3; round++) {
    const items = prepare();
    settle();
    const start = performance.now();
    for (const item of items) run(item);
    const elapsed = performance.now() - start;
    // The first rounds warm up the JIT.
    if (round >= 3) times.push((elapsed * 1000) / items.length);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Keeps the baseline's `.stack` read from being dropped as unused. */
let sink: string | undefined;

/** CPU time this process used, in ms: unlike the wall clock, it does not grow while other processes run. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * A full GC, then a wait until the process's other threads are idle: under 0.5 ms of CPU in a 5 ms sleep,
 * at most 500 ms. `process.cpuUsage` counts every thread, and V8 sweeps and compiles on background
 * threads after `gc()` returns: without the wait, a batch was charged for the garbage of the batch before
 * it (Sentry's, 6–10× bulwark's own time per repeated capture; issue 11, seventh session).
 */
function settle(): void {
  gc();
  for (let waited = 0; waited < 500; waited += 5) {
    const before = cpuMs();
    Atomics.wait(pause, 0, 0, 5);
    if (cpuMs() - before < 0.5) return;
  }
}

/** The medians of the per-round ratios of `roundByRound`, in CPU time and in wall-clock time. */
interface Ratio {
  cpu: number;
  wall: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `run` against a peer, round by round: each round times a batch of the peer, then a batch of `run` (each
 * over items made outside the clock, the process settled before each batch), and the figures are the
 * medians of the per-round ratios, in CPU time and in wall-clock time. On a shared, loaded machine
 * wall-clock medians of separate runs drift apart (an A/A test spread 0.4–6×); ratios of batches timed
 * back to back held within about ±20% (issue 11).
 */
function roundByRound<P, T>(
  peer: { prepare: () => P[]; run: (item: P) => unknown },
  prepare: () => T[],
  run: (item: T) => unknown,
): Ratio {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < ROUNDS + 3; round++) {
    const theirs = peer.prepare();
    const ours = prepare();
    settle();
    let cpuStart = cpuMs();
    let wallStart = performance.now();
    for (const item of theirs) peer.run(item);
    const peerCpu = cpuMs() - cpuStart;
    const peerWall = performance.now() - wallStart;
    settle();
    cpuStart = cpuMs();
    wallStart = performance.now();
    for (const item of ours) run(item);
    if (round >= 3) {
      cpu.push((cpuMs() - cpuStart) / peerCpu);
      wall.push((performance.now() - wallStart) / peerWall);
    }
  }
  return { cpu: median(cpu), wall: median(wall) };
}

/** The baseline as `roundByRound`'s peer: `new Error` + `.stack`, once per item. */
const baseline = {
  prepare: () => Array.from({ length: BATCH }, (_, i) => i),
  run: (i: number) => (sink = failAt(`Widget failed to load ${i}`).stack),
};
const versusBaseline = <T>(prepare: () => T[], run: (item: T) => unknown) =>
  roundByRound(baseline, prepare, run);

// The errors are made by loops, not `Array.from` callbacks, so they are thrown at the baseline's depth: V8
// formats every frame of a stack, and two more frames made a capture's stack read dearer than the
// baseline's (issue 11, seventh session).
const same = () => {
  const errors: Error[] = [];
  for (let i = 0; i < BATCH; i++) errors.push(failAt('Widget failed to load'));
  return errors;
};
/** Messages no batch had before, for bulwark and Sentry alike: every one is a new error. */
let nextWord = 0;
const distinct = () => {
  const errors: Error[] = [];
  for (let i = 0; i < BATCH; i++) errors.push(failAt(`Widget ${word(nextWord++)} failed to load`));
  return errors;
};

// — baselines: what the app pays for the error itself —
const newError = measure(
  () => Array.from({ length: BATCH }, (_, i) => i),
  () => failAt('Widget failed to load'),
);
const newErrorStack = measure(
  () => Array.from({ length: BATCH }, (_, i) => i),
  (i) => failAt(`Widget failed to load ${i}`).stack,
);

// — bulwark: one instance for the repeated error (its record stays active), fresh ones for new errors.
// No time budget: the burst guard would otherwise defer part of each batch to a later task. —
const repeated = createResilience({
  burst: { limit: Infinity, budgetMs: Infinity },
});
repeated.capture(failAt('Widget failed to load'));
const bulwarkRepeated = measure(same, (error) => repeated.capture(error));
const fresh = createResilience({ burst: { limit: Infinity, budgetMs: Infinity } });
const bulwarkNew = measure(distinct, (error) => fresh.capture(error));
// The goals' ratios, each timed round by round against the baseline (see `versusBaseline`).
const repeatedRatio = versusBaseline(same, (error) => repeated.capture(error));
const newRatio = versusBaseline(distinct, (error) => fresh.capture(error));
// The same two paths for AppErrors an app throws itself (a storm of them is what bench/storm.bench.ts runs).
const failAppAt = (message: string) => new AppError(message, { kind: 'server', code: 'WIDGET' });
const sameApp = () => {
  const errors: Error[] = [];
  for (let i = 0; i < BATCH; i++) errors.push(failAppAt('Widget failed to load'));
  return errors;
};
const distinctApp = () => {
  const errors: Error[] = [];
  for (let i = 0; i < BATCH; i++) errors.push(failAppAt(`Widget ${word(nextWord++)} failed to load`));
  return errors;
};
const repeatedApp = createResilience({ burst: { limit: Infinity, budgetMs: Infinity } });
repeatedApp.capture(failAppAt('Widget failed to load'));
const repeatedAppRatio = versusBaseline(sameApp, (error) => repeatedApp.capture(error));
const freshApp = createResilience({ burst: { limit: Infinity, budgetMs: Infinity } });
const newAppRatio = versusBaseline(distinctApp, (error) => freshApp.capture(error));
// A new error with a reporter, as an app with Sentry runs: each capture also makes the report's redacted copy
// (no rate limit here, so every one is reported; by default at most 30 a minute are).
const reported = createResilience({
  burst: { limit: Infinity, budgetMs: Infinity },
  reporters: [{ name: 'kept', report: (record) => void (lastReport = record) }],
  reporting: { rateLimit: { maxPerMinute: Infinity } },
});
let lastReport: unknown;
const newReportedRatio = versusBaseline(distinct, (error) => reported.capture(error));
if (lastReport === undefined) throw new Error('no capture was reported');
if (repeatedApp.store.getState().records[0]!.count < ROUNDS * BATCH)
  throw new Error('the repeated AppError was not counted');

const record = repeated.store.getState().records[0]!;
if (record.count < ROUNDS * BATCH) throw new Error(`the repeated error was counted ${record.count} times`);

// — Sentry 11 in the same process, nothing sent: a transport that answers every envelope at once. —
initNoOpSentry();
const sentryRepeated = measure(same, (error) => Sentry.captureException(error));
const sentryNew = measure(distinct, (error) => Sentry.captureException(error));

/** bulwark against Sentry as `versusBaseline` does against the baseline, each over errors of its own. */
const versusSentry = <T extends Error>(prepare: () => T[], run: (item: T) => unknown) =>
  roundByRound({ prepare, run: (error: T) => Sentry.captureException(error) }, prepare, run);
const sentryRepeatedRatio = versusSentry(same, (error) => repeated.capture(error));
const sentryNewRatio = versusSentry(distinct, (error) => fresh.capture(error));
await Sentry.close(0);
if (sink === '') throw new Error('the baseline read no stack');

const us = (n: number) => `${n.toFixed(2)} µs`;
const times = (n: number, base: number) => `${(n / base).toFixed(2)}×`;
const goal = (ratio: Ratio, limit: number) => (ratio.cpu <= limit ? 'met' : 'NOT met');
const rounds = (ratio: Ratio) =>
  `round by round: CPU ${ratio.cpu.toFixed(2)}×, wall ${ratio.wall.toFixed(2)}×`;
const rows = [
  ['new Error()', us(newError), '', '', ''],
  ['new Error() + .stack', us(newErrorStack), '1.00× (the unit)', '', ''],
  [
    'bulwark capture, repeated error (record active)',
    us(bulwarkRepeated),
    `${times(bulwarkRepeated, newErrorStack)} (${rounds(repeatedRatio)})`,
    '≤ 1.5× new Error+stack',
    goal(repeatedRatio, 1.5),
  ],
  [
    'bulwark capture, new error',
    us(bulwarkNew),
    `${times(bulwarkNew, newErrorStack)} (${rounds(newRatio)})`,
    '≤ 3× new Error+stack',
    goal(newRatio, 3),
  ],
  ['bulwark capture, repeated AppError (record active)', '', rounds(repeatedAppRatio), '', ''],
  ['bulwark capture, new AppError', '', rounds(newAppRatio), '', ''],
  ['bulwark capture, new error, reported (no rate limit)', '', rounds(newReportedRatio), '', ''],
  ['Sentry captureException, repeated (no-op transport)', us(sentryRepeated), '', '', ''],
  ['Sentry captureException, new (no-op transport)', us(sentryNew), '', '', ''],
  [
    'bulwark / Sentry, repeated',
    `${times(bulwarkRepeated, sentryRepeated)} (${rounds(sentryRepeatedRatio)})`,
    '',
    '≤ 0.1×',
    goal(sentryRepeatedRatio, 0.1),
  ],
  [
    'bulwark / Sentry, new',
    `${times(bulwarkNew, sentryNew)} (${rounds(sentryNewRatio)})`,
    '',
    '≤ 0.25×',
    goal(sentryNewRatio, 0.25),
  ],
];

console.log(
  `\n${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
const header = ['path', 'per call', 'vs new Error+stack', 'goal (issue 11)', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells
    .map((c, i) => c.padEnd(widths[i]!))
    .join('  ')
    .trimEnd();
console.log(
  `\ncapture in Node ${process.versions.node} (median of ${ROUNDS} rounds of ${BATCH} calls, one process)\n`,
);
console.log(line(header));
for (const row of rows) console.log(line(row));
process.exit(0);
