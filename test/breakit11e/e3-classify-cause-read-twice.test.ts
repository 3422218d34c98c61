// Break-it 11e (E3): `classifyError` (public, outside a capture's read memo) now reads `cause` twice: once to
// decide the value is "alone" (classify.ts `classifyTraced`: `readProperty(value, 'cause') === undefined`),
// then again in `causeChain`. A `cause` getter (a lazy wrapper, a Proxy, an ORM error that builds its cause
// once) runs twice, and one that answers a cause on its first read and `undefined` after is classified
// without it. Before (807b3b0) the chain was read once: the getter ran once and the cause classified.
// Run: npx vitest run --project unit test/breakit11e/e3-classify-cause-read-twice.test.ts
import { describe, expect, it } from 'vitest';
import { classifyError, createResilience } from 'bulwark/core';

/** An error whose `cause` is handed over once (then released), counting its reads. */
const handOver = () => {
  const state = { reads: 0 };
  const error = new Error('Saving failed');
  Object.defineProperty(error, 'cause', {
    get() {
      state.reads++;
      return state.reads === 1 ? new TypeError('Failed to fetch') : undefined;
    },
  });
  return { error, state };
};

describe('E3: a cause getter read by classifyError', () => {
  it('runs once per classification (fails: twice)', () => {
    const { error, state } = handOver();
    classifyError(error);
    expect(state.reads).toBe(1);
  });

  it('its cause classifies the value, as before (fails: unknown)', () => {
    const { error } = handOver();
    expect(classifyError(error).kind).toBe('network');
  });

  it('inside a capture the getter runs once and the cause is used (holds: the read memo)', () => {
    const { error, state } = handOver();
    const resilience = createResilience();
    const record = resilience.capture(error);
    expect(record.error.kind).toBe('network');
    expect(state.reads).toBe(1);
  });
});
