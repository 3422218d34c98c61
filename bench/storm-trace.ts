// What a long task after an error storm is made of (issue 11): runs the storm page's 10,000-error storm
// in fresh Chromium pages under a performance trace (CPU samples, GC, timeline events), finds the tasks
// over 50 ms after the burst on the renderer's main thread, and attributes their time.
// Run with `npm run bench:storm-trace [-- --runs 10] [-- --idle] [-- --functions]` (`--idle` traces the idle
// control page; `--functions` lists each task's most sampled functions with their two callers).
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';
import { buildStormPage } from './build-storm-page';
import type { Scenario, StormResult } from './storm-page';
import { chromiumArgs, chromiumPath } from '../scripts/chromium';

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const RUNS = process.argv.includes('--runs') ? Number(arg('--runs')) : 10;
const idle = process.argv.includes('--idle');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: {
        nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string } }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
  };
}

// Not minified: the profile names bulwark's, React's and sonner's functions.
const bundle = await buildStormPage(false);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const categories = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

/** Which part of the app a sampled frame belongs to: its own function name, sorted into the suspects. */
function partOf(stack: string[]): string {
  const has = (re: RegExp) => stack.some((f) => re.test(f));
  const top = stack[0] ?? '';
  if (/^\(garbage collector\)$/.test(top)) return 'GC';
  if (/^\((program|idle)\)$/.test(top)) return top;
  if (has(/^drain$|^nextTask/)) {
    if (has(/^upsertAll$/)) return 'burst guard: store update (upsertAll)';
    if (has(/^(dispatch|subscribe|listener)$/)) return 'burst guard: store listeners';
    return 'burst guard: capturing queued errors';
  }
  if (has(/^(performWorkOnRoot|performSyncWorkOnRoot|workLoopSync|workLoopConcurrent|commitRoot)/)) {
    if (has(/^(Toaster|Toast|ToastContent|ToasterFeed)$/)) return 'React: sonner/toasts';
    if (has(/^(RecoveryDialog|RecoveryDialogHost|DialogFeed)/)) return 'React: dialog';
    return 'React: other rendering';
  }
  if (has(/^(snapshotReader|selectPresented|readRecords|isSamePresented)/)) return 'presenter selectors';
  if (has(/watchBlocks|onmessage/)) return 'bench watcher';
  return `other: ${top}`;
}

let load = loadavg();
const report: string[] = [];
const totals = new Map<string, number>();
let longTasks = 0;
let clean = 0;
for (let run = 0; run < RUNS; run++) {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="en"><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  await browser.startTracing(page, { categories });
  const result = await page.evaluate(
    (s) =>
      s
        ? (window as unknown as { runStorm: (s: Scenario) => Promise<StormResult> }).runStorm(s)
        : (window as unknown as { runIdle: () => Promise<StormResult> }).runIdle(),
    idle ? undefined : ({ kind: 'bulwark', n: 10_000, plain: true } satisfies Scenario),
  );
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  await page.close();

  const main =
    events.find(
      (e) =>
        e.name === 'thread_name' &&
        e.args?.name === 'CrRendererMain' &&
        events.some((x) => x.pid === e.pid && x.name === 'storm-burst-end'),
    ) ?? events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  const burstEnd =
    events.find((e) => e.name === 'storm-burst-end')?.ts ??
    events.find((e) => e.name === 'storm-watch-start')?.ts ??
    0;
  const tasks = events.filter(
    (e) =>
      onMain(e) &&
      e.ph === 'X' &&
      e.cat.includes('toplevel') &&
      (e.dur ?? 0) > 50_000 &&
      e.ts >= burstEnd - 1000,
  );
  // The burst itself is one task over 50 ms by design (10,000 synchronous captures): not counted.
  // Outermost only: a task's trace nests a second toplevel event (RunTask within RunTask).
  const outer = tasks.filter(
    (t) =>
      !tasks.some(
        (o) =>
          o !== t &&
          o.ts <= t.ts &&
          o.ts + (o.dur ?? 0) >= t.ts + (t.dur ?? 0) &&
          (o.ts < t.ts || (o.dur ?? 0) > (t.dur ?? 0) || tasks.indexOf(o) < tasks.indexOf(t)),
      ),
  );
  const after = outer.filter((t) => t.ts + (t.dur ?? 0) > burstEnd + 1000 && t.ts >= burstEnd - 1000);

  // CPU samples of the renderer's main thread, with their stacks (leaf first).
  const profile = events.find((e) => e.name === 'Profile' && e.pid === main.pid);
  const nodes = new Map<number, { parent?: number; name: string }>();
  const samples: { ts: number; stack: string[] }[] = [];
  let ts = profile?.args?.data?.startTime ?? 0;
  for (const chunk of events.filter(
    (e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id,
  )) {
    const data = chunk.args?.data;
    for (const n of data?.cpuProfile?.nodes ?? [])
      nodes.set(n.id, { parent: n.parent, name: n.callFrame.functionName || '(anonymous)' });
    const ids = data?.cpuProfile?.samples ?? [];
    ids.forEach((id, i) => {
      ts += data?.timeDeltas?.[i] ?? 0;
      const stack: string[] = [];
      for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
        stack.push(n.name);
      samples.push({ ts, stack });
    });
  }
  const gcEvents = events.filter(
    (e) =>
      onMain(e) &&
      e.ph === 'X' &&
      /^(MinorGC|MajorGC|V8\.GC_SCAVENGER|V8\.GC_MC_|V8\.GCScavenger|V8\.GCFinalizeMC)/.test(e.name),
  );

  longTasks += after.length;
  if (after.length === 0) clean++;
  report.push(
    `run ${run + 1}: ${idle ? 'idle' : `burst ${result.burstMs.toFixed(1)} ms, toasts ${result.toasts}, dialogs ${result.dialogs}`}; longest block ${result.longestBlockMs.toFixed(1)} ms; ${after.length} long task(s) after it (trace)`,
  );
  for (const task of after) {
    const end = task.ts + (task.dur ?? 0);
    const within = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
    const parts = new Map<string, number>();
    for (const s of within) parts.set(partOf(s.stack), (parts.get(partOf(s.stack)) ?? 0) + 1);
    const children = new Map<string, number>();
    for (const e of events.filter(
      (e) =>
        onMain(e) &&
        e.ph === 'X' &&
        e !== task &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= end &&
        e.cat.includes('devtools.timeline') &&
        !e.cat.includes('disabled'),
    ))
      children.set(e.name, (children.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    const gc = gcEvents
      .filter((e) => e.ts >= task.ts && e.ts <= end)
      .reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
    const taskMs = (task.dur ?? 0) / 1000;
    report.push(
      `  task at +${((task.ts - burstEnd) / 1000).toFixed(1)} ms after the burst, ${taskMs.toFixed(1)} ms; GC events ${gc.toFixed(1)} ms; ${within.length} samples`,
    );
    if (process.argv.includes('--functions')) {
      // The functions most sampled at the top of the stack (self time), with two callers: what a part is made of.
      const leaves = new Map<string, number>();
      for (const s of within) {
        const leaf = s.stack.slice(0, 3).join(' < ');
        leaves.set(leaf, (leaves.get(leaf) ?? 0) + 1);
      }
      for (const [leaf, n] of [...leaves].sort((a, b) => b[1] - a[1]).slice(0, 6))
        report.push(`      ${String(n).padStart(4)} samples  ${leaf}`);
    }
    for (const [part, n] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
      const share = n / Math.max(1, within.length);
      totals.set(part, (totals.get(part) ?? 0) + share * taskMs);
      report.push(`    ${(share * 100).toFixed(0).padStart(3)}%  ${part}`);
    }
    report.push(
      `    timeline: ${[...children]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([n, d]) => `${n} ${d.toFixed(1)} ms`)
        .join(', ')}`,
    );
  }
}
await browser.close();
load = load.map((l, i) => Math.max(l, loadavg()[i]!));
console.log(
  `\nload average ${load.map((l) => l.toFixed(1)).join(' / ')}; ${idle ? 'idle control' : 'storm of 10,000 plain Errors'}, ${RUNS} traced fresh pages`,
);
console.log(report.join('\n'));
console.log(
  `\n${clean} of ${RUNS} runs with no task over 50 ms after the burst; ${longTasks} such tasks in all. Time in them by part:`,
);
for (const [part, ms] of [...totals].sort((a, b) => b[1] - a[1]))
  console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${part}`);
process.exit(0);
