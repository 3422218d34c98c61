// @vitest-environment node
import { constant, HttpError, retry, timeout } from 'bulwark/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMEOUT_MS, safeTimeout } from '../../src/core/safe-timeout';

afterEach(() => vi.useRealTimers());

describe('delays past setTimeout’s 2^31 − 1 ms', () => {
  it('timeout(Infinity) never times out a call', async () => {
    const call = timeout(Infinity).execute(
      () => new Promise((resolve) => setTimeout(() => resolve('ok'), 50)),
    );
    await expect(call).resolves.toBe('ok');
  });

  it('timeout of 30 days does not time out at once', async () => {
    const call = timeout(30 * 24 * 3600 * 1000).execute(
      () => new Promise((resolve) => setTimeout(() => resolve('ok'), 50)),
    );
    await expect(call).resolves.toBe('ok');
  });

  it('a huge Retry-After under maxRetryAfterMs Infinity is waited, not retried at once', async () => {
    let calls = 0;
    const controller = new AbortController();
    const call = retry({ attempts: 3, backoff: constant(0), maxRetryAfterMs: Infinity }).execute(() => {
      calls++;
      throw new HttpError({ status: 503, retryAfterMs: 99_999_999_999_000 });
    }, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const callsBeforeAbort = calls;
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    expect(callsBeforeAbort).toBe(1);
  });

  it('safeTimeout waits a delay above the ceiling in steps and runs once at the end', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    safeTimeout(fn, MAX_TIMEOUT_MS * 2 + 5);
    vi.advanceTimersByTime(MAX_TIMEOUT_MS * 2);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('safeTimeout(Infinity) arms no timer, and cancel stops a pending one', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    safeTimeout(fn, Infinity);
    expect(vi.getTimerCount()).toBe(0);
    const cancel = safeTimeout(fn, 10);
    cancel();
    vi.advanceTimersByTime(20);
    expect(fn).not.toHaveBeenCalled();
  });
});
