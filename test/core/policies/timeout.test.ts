// @vitest-environment node
import { isAppError, timeout, type PolicyContext } from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const hang = (context: PolicyContext) => {
  seen.push(context);
  return new Promise<never>(() => {});
};
let seen: PolicyContext[] = [];
beforeEach(() => (seen = []));

describe('timeout', () => {
  it('rejects with kind timeout after ms and aborts the signal handed to fn', async () => {
    const result = timeout(1000).execute(hang);
    const settled = vi.fn();
    result.catch(settled);
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const error: unknown = settled.mock.calls[0]?.[0];
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, context: { timeoutMs: 1000 } });
    expect(seen[0]?.signal.aborted).toBe(true);
    expect(seen[0]?.signal.reason).toBe(error);
  });

  it('answers when fn is faster and leaves no timer behind', async () => {
    await expect(timeout(1000).execute(() => 'fast')).resolves.toBe('fast');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes fn errors through untouched', async () => {
    const error = new Error('own');
    await expect(timeout(1000).execute(() => Promise.reject(error))).rejects.toBe(error);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with kind aborted at once when the caller aborts', async () => {
    const controller = new AbortController();
    const result = timeout(60_000).execute(hang, controller.signal);
    const settled = vi.fn();
    result.catch(settled);
    await Promise.resolve();
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    const error: unknown = settled.mock.calls[0]?.[0];
    expect(isAppError(error) && error.kind).toBe('aborted');
    expect(seen[0]?.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never calls fn when the caller already aborted', async () => {
    const fn = vi.fn();
    await expect(timeout(10).execute(fn, AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
    expect(fn).not.toHaveBeenCalled();
  });
});
