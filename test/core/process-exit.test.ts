// @vitest-environment node
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from '../helpers/run-node';

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
    // Generous for a loaded machine; the open period (60 s) is far beyond it.
    const { output, code } = await runNode(
      ['--import', 'tsx', '--input-type=module', '-e', script],
      root,
      20_000,
    );
    expect(output.trim()).toBe('open reduced');
    expect(code).toBe(0);
  }, 30_000);
});
