// @vitest-environment node
import {
  AppError,
  BrokenCircuitError,
  HttpError,
  constant,
  isAppError,
  retry,
  retryBudget,
  type PolicyContext,
  type RetryEvent,
} from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const transient = () => new AppError('flaky', { kind: 'server', retryable: true });
const httpError = async (status: number, headers: Record<string, string> = {}) =>
  HttpError.fromResponse(new Response(null, { status, headers }));

/** A function that fails `times` times with `error()`, then answers 'ok'; records the contexts it saw. */
function flaky(times: number, error: () => unknown = transient) {
  const seen: PolicyContext[] = [];
  const fn = vi.fn((context: PolicyContext) => {
    seen.push(context);
    if (seen.length <= times) throw error();
    return 'ok';
  });
  return { fn, seen };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('retry', () => {
  it('calls once and answers when the first call succeeds', async () => {
    const { fn, seen } = flaky(0);
    await expect(retry().execute(fn)).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(1);
    expect(seen[0]?.attempt).toBe(1);
  });

  it('retries until it succeeds, numbering the attempts', async () => {
    const { fn, seen } = flaky(2);
    const result = retry({ backoff: constant(10) }).execute(fn);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(seen.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it('makes 3 calls in all by default, then throws the last error', async () => {
    const { fn } = flaky(10);
    const result = retry({ backoff: constant(10) }).execute(fn);
    const assertion = expect(result).rejects.toMatchObject({ message: 'flaky' });
    await vi.runAllTimersAsync();
    await assertion;
    expect(fn).toHaveBeenCalledTimes(3);
  });

  it('waits the backoff between attempts', async () => {
    const { fn } = flaky(1);
    const result = retry({ backoff: constant(1000) }).execute(fn);
    await vi.advanceTimersByTimeAsync(999);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toBe('ok');
  });

  it.each([
    ['a non-retryable AppError', () => new AppError('bad', { kind: 'validation' })],
    ['a circuit-open error', () => new BrokenCircuitError('api', Date.now() + 1000, Date.now())],
    ['an aborted AppError', () => new AppError('stop', { kind: 'aborted', retryable: true })],
    ['a DOMException AbortError', () => new DOMException('stop', 'AbortError')],
    ['a 4xx that is not 408/425/429', () => new AppError('nope', { status: 404, retryable: true })],
  ])('does not retry %s', async (_name, error) => {
    const { fn } = flaky(1, error);
    await expect(retry({ backoff: constant(1) }).execute(fn)).rejects.toBeDefined();
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it.each([408, 425, 429, 503])('retries HTTP %i', async (status) => {
    const error = await httpError(status);
    const { fn } = flaky(1, () => error);
    const result = retry({ backoff: constant(1) }).execute(fn);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('retries a thrown value that is not an AppError', async () => {
    const { fn } = flaky(2, () => new TypeError('Failed to fetch'));
    const result = retry({ backoff: constant(1) }).execute(fn);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
  });

  it('asks retryOn with the error and the failed attempt', async () => {
    const retryOn = vi.fn(() => false);
    const error = transient();
    await expect(retry({ retryOn }).execute(() => Promise.reject(error))).rejects.toBe(error);
    expect(retryOn).toHaveBeenCalledWith(error, 1);
  });

  it('tells onRetry before each wait and survives a throwing onRetry', async () => {
    const onRetry = vi.fn<(event: RetryEvent) => void>(() => {
      throw new Error('listener bug');
    });
    const { fn } = flaky(2);
    const result = retry({ backoff: constant(50), onRetry }).execute(fn);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(onRetry.mock.calls.map(([e]) => [e.attempt, e.delayMs])).toEqual([
      [1, 50],
      [2, 50],
    ]);
  });

  it('waits what Retry-After asks in seconds instead of a shorter backoff', async () => {
    const error = await httpError(503, { 'Retry-After': '5' });
    const { fn } = flaky(1, () => error);
    const result = retry({ backoff: constant(100) }).execute(fn);
    await vi.advanceTimersByTimeAsync(4999);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
  });

  it('waits until a Retry-After date', async () => {
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const error = await httpError(429, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:07 GMT' });
    expect(error.retryAfterMs).toBe(7000);
    const { fn } = flaky(1, () => error);
    const result = retry({ backoff: constant(0) }).execute(fn);
    await vi.advanceTimersByTimeAsync(6999);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const error = new AppError('busy', { kind: 'rate-limit', retryable: true, retryAfterMs: 3_600_000 });
    const onRetry = vi.fn();
    const { fn } = flaky(1, () => error);
    const result = retry({ backoff: constant(0), maxRetryAfterMs: 2000, onRetry }).execute(fn);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBe('ok');
    expect(onRetry.mock.calls[0]?.[0].delayMs).toBe(2000);
  });

  it('stops waiting at once when aborted, rejects with kind aborted and calls no more', async () => {
    const controller = new AbortController();
    const { fn } = flaky(10);
    const result = retry({ attempts: 5, backoff: constant(60_000) }).execute(fn, controller.signal);
    const settled = vi.fn();
    result.catch(settled);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0); // no time passes: only the pending microtasks run
    expect(settled).toHaveBeenCalledTimes(1);
    const error: unknown = settled.mock.calls[0]?.[0];
    expect(isAppError(error) && error.kind).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('never calls fn when the signal is already aborted', async () => {
    const fn = vi.fn();
    await expect(retry().execute(fn, AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
    expect(fn).not.toHaveBeenCalled();
  });

  it('stops retrying when the shared budget runs out, while first attempts still run', async () => {
    const budget = retryBudget({ capacity: 3, retryCost: 1, successRefund: 0.5 });
    const policy = retry({ attempts: 3, backoff: constant(1), budget });
    const failing = vi.fn(() => Promise.reject(transient()));

    const first = policy.execute(failing);
    first.catch(() => {});
    await vi.runAllTimersAsync();
    expect(failing).toHaveBeenCalledTimes(3); // 2 retries: 1 token left

    const second = policy.execute(failing);
    second.catch(() => {});
    await vi.runAllTimersAsync();
    expect(failing).toHaveBeenCalledTimes(5); // 1 retry, then the bucket is empty

    await expect(policy.execute(failing)).rejects.toMatchObject({ message: 'flaky' });
    expect(failing).toHaveBeenCalledTimes(6); // first attempt only
    expect(budget.tokens).toBe(0);

    await policy.execute(() => 'ok');
    await policy.execute(() => 'ok');
    expect(budget.tokens).toBe(1);
  });
});
