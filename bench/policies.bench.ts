// Policies benchmark: bulwark vs cockatiel 3.2.1 vs opossum 9, in one process, printed side by side.
// Run with `npm run bench:policies` (node --expose-gc --import tsx bench/policies.bench.ts).
// Every task awaits BATCH calls, so the timer's own cost is spread thin; figures are per call.
import {
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker as cockatielBreaker,
  handleAll,
  retry as cockatielRetry,
  wrap,
} from 'cockatiel';
import OpossumBreaker from 'opossum';
import { Bench } from 'tinybench';
import { importAsShipped } from './import-as-shipped';
import type * as Policies from '../src/core';

// bulwark is measured as it ships (see import-as-shipped.ts), as cockatiel and opossum load as plain JS.
const { circuitBreaker, compose, retry } = await importAsShipped<
  Pick<typeof Policies, 'circuitBreaker' | 'compose' | 'retry'>
>('policies', [
  "export { circuitBreaker } from './src/core/policies/circuit-breaker';",
  "export { compose } from './src/core/policies/compose';",
  "export { retry } from './src/core/policies/retry';",
]);

const BATCH = 1000;
const HEAP_CALLS = 100_000;
const noop = () => {};
const work = () => Promise.resolve(1);
const fail = () => Promise.reject(new Error('down'));

type Call = () => Promise<unknown>;
type Row = { label: string; bulwark?: Call; cockatiel?: Call; opossum?: Call };

// Success path. Opossum's own 10 s timeout is turned off (it arms a timer per call); nothing else times out.
const opossum = () => new OpossumBreaker(work, { timeout: false });
const bulwarkRetry = retry();
const bulwarkBreaker = circuitBreaker({ name: 'bench' });
const bulwarkBoth = compose(retry(), circuitBreaker({ name: 'both' }));
const cockatielRetryPolicy = cockatielRetry(handleAll, { maxAttempts: 2, backoff: new ExponentialBackoff() });
const newCockatielBreaker = () =>
  cockatielBreaker(handleAll, { halfOpenAfter: 30_000, breaker: new ConsecutiveBreaker(5) });
const cockatielBreakerPolicy = newCockatielBreaker();
const cockatielBoth = wrap(cockatielRetry(handleAll, { maxAttempts: 2 }), newCockatielBreaker());
const opossumBreaker = opossum();

// Open breakers: every call fast-fails.
const bulwarkOpen = circuitBreaker({ name: 'open', failureThreshold: 1, halfOpenAfterMs: 3_600_000 });
const cockatielOpen = cockatielBreaker(handleAll, {
  halfOpenAfter: 3_600_000,
  breaker: new ConsecutiveBreaker(1),
});
const opossumOpen = new OpossumBreaker(work, { timeout: false, resetTimeout: 3_600_000 });
await bulwarkOpen.execute(fail).catch(noop);
await cockatielOpen.execute(fail).catch(noop);
opossumOpen.open();

const rows: Row[] = [
  { label: 'bare `await fn()`', bulwark: work, cockatiel: work, opossum: work },
  {
    label: 'retry',
    bulwark: () => bulwarkRetry.execute(work),
    cockatiel: () => cockatielRetryPolicy.execute(work),
  },
  {
    label: 'circuit breaker',
    bulwark: () => bulwarkBreaker.execute(work),
    cockatiel: () => cockatielBreakerPolicy.execute(work),
    opossum: () => opossumBreaker.fire(),
  },
  {
    label: 'retry + breaker',
    bulwark: () => bulwarkBoth.execute(work),
    cockatiel: () => cockatielBoth.execute(work),
  },
  {
    label: 'open breaker fast-fail',
    bulwark: () => bulwarkOpen.execute(work).catch(noop),
    cockatiel: () => cockatielOpen.execute(work).catch(noop),
    opossum: () => opossumOpen.fire().catch(noop),
  },
];

const libraries = ['bulwark', 'cockatiel', 'opossum'] as const;
// Several short rounds, each running every task once; a task's figure is its median round. Other
// work on a shared 2-core machine then skews one round, not one library.
const ROUNDS = 5;
const samples = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 400, warmup: round === 0 });
  for (const row of rows) {
    for (const library of libraries) {
      const call = row[library];
      if (!call) continue;
      bench.add(`${row.label}|${library}`, async () => {
        for (let i = 0; i < BATCH; i++) await call();
      });
    }
  }
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    samples.set(task.name, [...(samples.get(task.name) ?? []), (result.latency.mean * 1e6) / BATCH]);
  }
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const nsPerCall = new Map([...samples].map(([name, values]) => [name, median(values)]));

/** Heap still held after HEAP_CALLS more calls through a warm policy (after two full GCs). */
async function retainedKb(make: () => Call): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const call = make();
  for (let i = 0; i < 10_000; i++) await call(); // compiled and warm: what remains is what calls keep
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < HEAP_CALLS; i++) await call();
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  await call(); // keeps the policy alive through the measurement
  return (after - before) / 1024;
}

const heapMakers: Record<(typeof libraries)[number] | 'bare', () => Call> = {
  bare: () => work,
  bulwark: () => {
    const policy = compose(retry(), circuitBreaker({ name: 'heap' }));
    return () => policy.execute(work);
  },
  cockatiel: () => {
    const policy = wrap(cockatielRetry(handleAll, { maxAttempts: 2 }), newCockatielBreaker());
    return () => policy.execute(work);
  },
  opossum: () => {
    const breaker = opossum();
    heapBreakers.push(breaker);
    return () => breaker.fire();
  },
};
const heapBreakers: OpossumBreaker[] = [];
// Each library warmed up once, then measured three times (interleaved); the median counts.
const heapSamples = new Map<string, number[]>();
const heapRows = ['bare', ...libraries] as const;
for (const library of heapRows) {
  const warm = heapMakers[library]();
  for (let i = 0; i < 10_000; i++) await warm();
}
for (let round = 0; round < 3; round++) {
  for (const library of heapRows) {
    heapSamples.set(library, [...(heapSamples.get(library) ?? []), await retainedKb(heapMakers[library])]);
  }
}
const heap = new Map([...heapSamples].map(([library, values]) => [library, median(values)]));

/** Heap per instance of a policy, over 1,000 instances kept alive (after two full GCs). */
function instanceBytes(make: () => unknown): number {
  const gc = globalThis.gc!;
  const kept: unknown[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 1000; i++) kept.push(make());
  gc();
  gc();
  return (process.memoryUsage().heapUsed - before) / kept.length;
}
const instanceMakers: Record<(typeof libraries)[number], () => unknown> = {
  bulwark: () => compose(retry(), circuitBreaker({ name: 'size' })),
  cockatiel: () => wrap(cockatielRetry(handleAll, { maxAttempts: 2 }), newCockatielBreaker()),
  opossum: () => {
    const breaker = opossum();
    heapBreakers.push(breaker);
    return breaker;
  },
};
const instanceSamples = new Map<string, number[]>();
for (let round = 0; round < 3; round++) {
  for (const library of libraries) {
    instanceSamples.set(library, [
      ...(instanceSamples.get(library) ?? []),
      instanceBytes(instanceMakers[library]),
    ]);
  }
}

// Print: ns per call (× bare await) per library.
const bare = nsPerCall.get(`${rows[0]!.label}|bulwark`)!;
const cell = (name: string) => {
  const ns = nsPerCall.get(name);
  return ns === undefined ? 'n/a' : `${ns.toFixed(0)} ns (${(ns / bare).toFixed(1)}×)`;
};
// Between runs the same policy measures a few kB either way (GC and compiler noise): below the
// floor, nothing is retained that a measurement here can see.
const NOISE_KB = 5;
const retainedCell = (kb: number) => (kb < NOISE_KB ? `≈ 0 kB (< ${NOISE_KB})` : `${kb.toFixed(0)} kB`);
const lines = [
  `| per call (× bare await) | ${libraries.join(' | ')} |`,
  `| --- | ${libraries.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.label} | ${libraries.map((l) => cell(`${row.label}|${l}`)).join(' | ')} |`),
  `| heap retained by ${HEAP_CALLS.toLocaleString('en')} more calls (retry + breaker; opossum: breaker) | ${libraries
    .map((l) => retainedCell(heap.get(l)! - heap.get('bare')!))
    .join(' | ')} |`,
  `| heap per instance (retry + breaker; opossum: breaker) | ${libraries
    .map((l) => `${(median(instanceSamples.get(l)!) / 1024).toFixed(2)} kB`)
    .join(' | ')} |`,
];
console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
console.log(lines.join('\n'));

for (const breaker of [opossumBreaker, opossumOpen, ...heapBreakers]) breaker.shutdown();
