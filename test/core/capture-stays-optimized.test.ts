// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-node';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Issue 11. V8 keeps optimized code only while what it was built on lives, and a major GC frees the rest:
// - a hidden class no live object has: the redactor made a WorkBudget per call and a MatchContext per
//   match, so after each full GC its optimized scan was thrown away ("weak objects" in --trace-deopt);
// - a closure no live function object has: a callback made per call (normalize's stack callback for
//   `clip`, `readOnce(() => …)`, the store's updater) lost its optimized code with its last closure,
//   and V8 compiled it again after every full GC, running it unoptimized meanwhile.
// Each scenario is a storm of captures with a full GC between rounds, bundled as an app's bundler would
// (one case showed only bundled), run in a child process with V8's traces.
const storm = `
import { AppError, createResilience } from './src/core';
const scenario = process.argv[2];
const reporting = scenario.endsWith('+report')
  ? { reporters: [{ name: 'kept', report: (record) => void (globalThis.reported = record) }], reporting: { rateLimit: { maxPerMinute: Infinity } } }
  : {};
const resilience = createResilience({ burst: { limit: Infinity, budgetMs: Infinity }, ...reporting });
// Words a, b, …, z, ba, bb, …: some of them start rules beyond the plain message's (\\\`is…\\\`, \\\`api…\\\`).
// (No callback: a closure made per call here would be compiled again after each GC, as the ones this finds.)
const word = (i) => {
  let text = '';
  for (const digit of i.toString(26)) text += String.fromCharCode(97 + parseInt(digit, 26));
  return text;
};
let n = 0;
const make = {
  new: () => new Error('Widget ' + word(n++) + ' failed to load'),
  repeated: () => new Error('Widget failed to load'),
  'new AppError': () => new AppError('Widget ' + word(n++) + ' failed to load', { kind: 'server', code: 'WIDGET' }),
  'repeated AppError': () => new AppError('Widget failed to load', { kind: 'server', code: 'WIDGET' }),
  status: () => Object.assign(new Error('Request ' + word(n++) + ' failed'), { status: 503, code: 'E' + (n % 7) }),
}[scenario.replace('+report', '')];
const context = scenario.startsWith('status') ? () => ({ feature: 'cart', userAction: 'save' }) : () => ({});
for (let round = 0; round < ROUNDS; round++) {
  const errors = [];
  for (let i = 0; i < 500; i++) errors.push(make());
  globalThis.gc();
  for (const error of errors) resilience.capture(error, context());
}
`;

/** Rounds per scenario, each after a full GC. */
const ROUNDS = 20;
/** More compilations than this of one function in a scenario is one after (nearly) every GC; warming up takes 1–5. */
const MOST_COMPILES = 8;

/** The redactor's functions and classes (redact.ts, apply-rules.ts, work-budget.ts), as esbuild names them. */
const REDACTOR =
  /<SharedFunctionInfo _?(?:MatchContext|applyRule|scan|redactString\d*|asOneCall|WorkBudget|take|get spent)>/;

/** The functions TurboFan compiled (OSR aside) more than `MOST_COMPILES` times, by name (anonymous ones by address). */
function compiledAgain(trace: string): string[] {
  const counts = new Map<string, number>();
  for (const [, name] of trace.matchAll(/\[compiling method \S+ <JSFunction (.*?)\)> \(target TURBOFAN\),/g))
    counts.set(name!, (counts.get(name!) ?? 0) + 1);
  // Find an anonymous one with --print-opt-source: its source follows "--- FUNCTION SOURCE".
  return [...counts]
    .filter(([, count]) => count > MOST_COMPILES)
    .map(([name, count]) => `${name}) ×${count}`);
}

const SCENARIOS = [
  'new',
  'repeated',
  'new AppError',
  'repeated AppError',
  'status',
  'new+report',
  'status+report',
];

describe('capture across major GCs (issue 11)', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-optimized-'));
    const bundle = await build({
      stdin: { contents: storm.replace('ROUNDS', String(ROUNDS)), resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    file = join(dir, 'storm.mjs');
    writeFileSync(file, bundle.outputFiles[0]!.text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(SCENARIOS)(
    'keeps its optimized code in a storm of %s errors',
    async (scenario) => {
      // Generous for a loaded machine: a scenario takes about a second.
      const { output, code } = await runNode(
        ['--expose-gc', '--trace-opt', '--trace-deopt', file, scenario],
        root,
        60_000,
      );
      expect(code).toBe(0);
      expect(compiledAgain(output)).toEqual([]);
      const lost = output.split('\n').filter((line) => line.includes('weak objects') && REDACTOR.test(line));
      expect(lost).toEqual([]);
    },
    90_000,
  );
});
