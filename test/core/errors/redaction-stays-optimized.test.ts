// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// Issue 11: redacting a new error's message cost 5 times more inside `capture` than in a loop. Each call
// made a WorkBudget and each candidate match a MatchContext, and none outlived the call: a major GC then
// freed their hidden classes, and V8 discarded the optimized code built on them ("weak objects" in
// --trace-deopt), so after every full GC the redactor ran unoptimized until V8 compiled it again. The
// redactor now keeps one of each alive. A storm of captures with a full GC between rounds, bundled as an
// app's bundler would (the MatchContext case showed only bundled, with varied words), in a
// child process started with --trace-deopt.
const storm = `
import { createResilience } from './src/core';
const resilience = createResilience({ burst: { limit: Infinity, budgetMs: Infinity } });
// Words a, b, …, z, ba, bb, …: some of them start rules beyond the plain message's (\`is…\`, \`api…\`).
const word = (i) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
let n = 0;
for (let round = 0; round < 20; round++) {
  const errors = Array.from({ length: 1000 }, () => new Error('Widget ' + word(n++) + ' failed to load'));
  globalThis.gc();
  for (const error of errors) resilience.capture(error);
}
`;

/** The redactor's functions and classes (redact.ts, apply-rules.ts, work-budget.ts), as esbuild names them. */
const REDACTOR =
  /<SharedFunctionInfo _?(?:MatchContext|applyRule|scan|redactString\d*|asOneCall|WorkBudget|take|get spent)>/;

describe('the redactor across major GCs (issue 11)', () => {
  it('keeps its optimized code: no hidden class it depends on dies with a call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-deopt-'));
    try {
      const bundle = await build({
        stdin: { contents: storm, resolveDir: root, loader: 'ts' },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      const file = join(dir, 'storm.mjs');
      writeFileSync(file, bundle.outputFiles[0]!.text);
      const child = spawn(process.execPath, ['--expose-gc', '--trace-deopt', file], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // Generous for a loaded machine: the storm takes about two seconds.
      const killer = setTimeout(() => child.kill(), 60_000);
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      clearTimeout(killer);
      expect(code).toBe(0);
      const lost = output.split('\n').filter((line) => line.includes('weak objects') && REDACTOR.test(line));
      expect(lost).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
