// Offline-queue benchmark: 1,000 POSTs queued offline, then replayed, through bulwark's outbox and
// through workbox-background-sync's Queue, in one Chromium run against one kind of server.
// Run with `npm run bench:offline`; `npm run bench:offline -- --baseline <git ref>` adds a column for
// bulwark as it was at that commit (same run, same machine load), to show what a change gained.
//
// The server answers 503 to every 100th request it receives (a flaky backend) and applies a body
// only on a 2xx, once per Idempotency-Key. "lost" = bodies never applied; "duplicated" = applied twice.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium';
import { bundle, startServer, type ApiServer } from '../test/offline/harness';

interface BenchPage {
  postRange: (from: number, to: number) => Promise<Record<number, number>>;
  replay: () => Promise<void>;
}

const COUNT = 1000;
const FLAKY_EVERY = 100;
const REPLAY_TIMEOUT_MS = 120_000;
const html = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><script type="module" src="/page.js"></script></body></html>`;

const dir = new URL('.', import.meta.url).pathname;
const [page, bulwarkSw, workboxSw] = await Promise.all([
  bundle(`${dir}offline-page.ts`),
  bundle(`${dir}offline-bulwark-sw.ts`),
  bundle(`${dir}offline-workbox-sw.ts`),
]);

/** The page and worker bundled from `src/` as it was at `ref`. */
async function bundleAt(ref: string): Promise<[string, string]> {
  const tmp = mkdtempSync(`${tmpdir()}/bulwark-baseline-`);
  try {
    const root = new URL('..', import.meta.url).pathname;
    const archive = execFileSync('git', ['-C', root, 'archive', ref, 'src']);
    execFileSync('tar', ['-x', '-C', tmp], { input: archive });
    return await Promise.all([
      bundle(`${dir}offline-page.ts`, `${tmp}/src/`),
      bundle(`${dir}offline-bulwark-sw.ts`, `${tmp}/src/`),
    ]);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
const baselineAt = process.argv.indexOf('--baseline');
const baselineRef = baselineAt > 0 ? process.argv[baselineAt + 1] : undefined;
const baselineBundles = baselineRef ? await bundleAt(baselineRef) : undefined;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

interface Result {
  enqueueMs: number;
  replayMs: number;
  queued: number;
  applied: number;
  lost: number;
  duplicated: number;
  sent: number;
  duringOffline: number;
  concurrentPeak: number;
}

/** Makes every 100th request a 503, forever (the plan is refilled as it drains). */
function flaky(server: ApiServer) {
  let seen = 0;
  const refill = setInterval(() => {
    while (server.plan.length < 200) server.plan.push({ status: ++seen % FLAKY_EVERY === 0 ? 503 : 200 });
  }, 5);
  return () => clearInterval(refill);
}

async function run(name: string, sw: string, search: string, pageJs = page): Promise<Result> {
  const server = await startServer({
    '/': ['text/html', html(name)],
    '/page.js': ['text/javascript', pageJs],
    '/sw.js': ['text/javascript', sw],
  });
  const context = await browser.newContext();
  try {
    const tab: Page = await context.newPage();
    await tab.goto(`${server.origin}/${search}`);
    await tab.waitForFunction(() => (window as unknown as { controlled: () => boolean }).controlled());
    const stop = flaky(server);
    await context.setOffline(true);
    const t0 = performance.now();
    const statuses = await tab.evaluate(
      (count) => (window as unknown as BenchPage).postRange(0, count),
      COUNT,
    );
    const enqueueMs = performance.now() - t0;
    const duringOffline = server.received.length;
    await context.setOffline(false);
    const t1 = performance.now();
    await tab.evaluate(() => (window as unknown as BenchPage).replay());
    // Done when every body is applied, or when nothing more arrives for 5 s (the rest is lost).
    let last = -1;
    let quietSince = performance.now();
    while (performance.now() - t1 < REPLAY_TIMEOUT_MS) {
      const distinct = new Set(server.applied).size;
      if (distinct >= COUNT) break;
      if (server.received.length !== last) {
        last = server.received.length;
        quietSince = performance.now();
      } else if (performance.now() - quietSince > 5000) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const replayMs = performance.now() - t1;
    stop();
    const counts = new Map<string, number>();
    for (const body of server.applied) counts.set(body, (counts.get(body) ?? 0) + 1);
    return {
      enqueueMs,
      replayMs,
      queued: statuses[202] ?? 0,
      applied: counts.size,
      lost: COUNT - counts.size,
      duplicated: [...counts.values()].filter((n) => n > 1).length,
      sent: server.received.length,
      duringOffline,
      concurrentPeak: server.peakInFlight,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

const columns: [string, Result][] = [];
if (baselineBundles) {
  columns.push([
    `bulwark ${baselineRef}`,
    await run('bulwark-baseline', baselineBundles[1], '', baselineBundles[0]),
  ]);
}
columns.push(['bulwark', await run('bulwark', bulwarkSw, '')]);
columns.push(['workbox-background-sync', await run('workbox', workboxSw, '?workbox')]);
await browser.close();

const rate = (n: number, ms: number) => `${((n / ms) * 1000).toFixed(0)}/s`;
const rows: [string, (r: Result) => string][] = [
  ['enqueue (1,000 POSTs offline)', (r) => `${r.enqueueMs.toFixed(0)} ms, ${rate(r.queued, r.enqueueMs)}`],
  ['answered 202', (r) => String(r.queued)],
  [
    'replay until all applied (or quiet 5 s)',
    (r) => `${r.replayMs.toFixed(0)} ms, ${rate(r.applied, r.replayMs)}`,
  ],
  ['requests the server received', (r) => String(r.sent)],
  ['  of which while offline', (r) => String(r.duringOffline)],
  ['most requests in flight at once', (r) => String(r.concurrentPeak)],
  ['applied', (r) => String(r.applied)],
  ['lost', (r) => String(r.lost)],
  ['duplicated', (r) => String(r.duplicated)],
];
console.log(
  `Offline queue, ${COUNT} POSTs, every ${FLAKY_EVERY}th answer a 503 · Chromium headless · ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}\n`,
);
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${''.padEnd(width)}  ${columns.map(([name]) => name.padEnd(26)).join('  ')}`);
for (const [label, cell] of rows)
  console.log(`${label.padEnd(width)}  ${columns.map(([, result]) => cell(result).padEnd(26)).join('  ')}`);
