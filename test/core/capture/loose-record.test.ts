import { describe, expect, it } from 'vitest';
import { createResilience, type ErrorRecord } from 'bulwark/core';

describe('records capture returns without storing them (issue 9, findings-9c N5)', () => {
  it('a placeholder returned during an error storm holds a context redacted like a stored one', () => {
    const resilience = createResilience();
    const retry = { id: 'retry', label: 'Try again', run: () => {} };
    let last: ErrorRecord | undefined;
    for (let i = 0; i < 300; i++)
      last = resilience.capture(new Error(`e${i}`), {
        tags: { password: 'Hunter2xyzStorm', order: 'o-1', token: 'tok_storm_1234567' },
        actions: [retry],
      });
    // The documented use: `const record = resilience.capture(error, context)`, then log or forward it.
    expect(last?.id).toMatch(/^waiting-/);
    const json = JSON.stringify(last);
    expect(json).not.toContain('Hunter2xyzStorm');
    expect(json).not.toContain('tok_storm_1234567');
    // What is not secret, and the action callbacks, stay usable.
    expect(last?.context.tags).toEqual({ password: '[REDACTED]', order: 'o-1', token: '[REDACTED]' });
    expect(last?.context.actions).toEqual([retry]);
    resilience.flush();
  });
});
