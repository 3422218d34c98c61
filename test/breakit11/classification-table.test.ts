// Break-it (issue 11, break11b): classification by table lookups must classify as main's `for…of` over the
// rules did, whatever iterable of rules an (untyped) app hands in.
import { classifyError, createResilience, type ClassificationRule } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

const quota: ClassificationRule = {
  name: 'quota',
  match: { message: /quota/ },
  classification: { kind: 'rate-limit' },
};

describe('break11b: classification table', () => {
  it('T1: app rules given as a Set (a JavaScript app, rules from a registry) still classify', () => {
    const rules = new Set([quota]) as unknown as readonly ClassificationRule[];
    // main: `for (const r of table)` iterates any iterable -> 'rate-limit'
    expect(classifyError(new Error('quota exceeded'), rules).kind).toBe('rate-limit');
  });

  it('T2: ... and so do captures with them', () => {
    const resilience = createResilience({ rules: new Set([quota]) as unknown as ClassificationRule[] });
    // main: 'rate-limit'; the branch reads `table.length` (undefined for a Set) and skips every rule silently
    expect(resilience.capture(new Error('quota exceeded')).error.kind).toBe('rate-limit');
  });
});
