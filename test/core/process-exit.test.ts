// @vitest-environment node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A server render or a test run that opened a breaker must end when its work does, not 30 s later.
const script = `
import { createResilience } from './src/core.ts';
const resilience = createResilience();
const breaker = resilience.breaker('api', { failureThreshold: 1, halfOpenAfterMs: 60_000 });
await breaker.execute(() => Promise.reject(new Error('down'))).catch(() => {});
console.log(breaker.getSnapshot().state, resilience.degradation.getSnapshot().level);
`;

describe('createResilience in Node', () => {
  it('lets the process exit at once after a breaker opened', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Generous for a loaded machine; the open period (60 s) is far beyond it.
    const killer = setTimeout(() => child.kill(), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(killer);
    expect(output.trim()).toBe('open reduced');
    expect(code).toBe(0);
  }, 30_000);
});
