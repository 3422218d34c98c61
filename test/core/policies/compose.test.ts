// @vitest-environment node
import {
  AppError,
  circuitBreaker,
  compose,
  constant,
  fallback,
  retry,
  timeout,
  type Policy,
  type PolicyContext,
} from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const transient = () => new AppError('down', { kind: 'server', retryable: true });

/** A policy that only logs when it is entered and left. */
function tracer(name: string, log: string[]): Policy {
  return {
    async execute(fn, signal) {
      log.push(`${name}>`);
      try {
        return await fn({ signal: signal ?? new AbortController().signal, attempt: 1 });
      } finally {
        log.push(`<${name}`);
      }
    },
  };
}

describe('compose', () => {
  it('runs the first policy outermost', async () => {
    const log: string[] = [];
    const policy = compose(tracer('a', log), tracer('b', log), tracer('c', log));
    await policy.execute(() => log.push('fn'));
    expect(log).toEqual(['a>', 'b>', 'c>', 'fn', '<c', '<b', '<a']);
  });

  it('does not retry the circuit-open errors of a breaker inside the retry', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    const fn = vi.fn(() => Promise.reject(transient()));
    const result = compose(retry({ attempts: 5, backoff: constant(10) }), breaker).execute(fn);
    const assertion = expect(result).rejects.toMatchObject({ kind: 'circuit-open' });
    await vi.runAllTimersAsync();
    await assertion;
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('counts every retried attempt in a breaker inside the retry', async () => {
    const breaker = circuitBreaker({ failureThreshold: 3 });
    const result = compose(retry({ attempts: 3, backoff: constant(1) }), breaker).execute(() =>
      Promise.reject(transient()),
    );
    result.catch(() => {});
    await vi.runAllTimersAsync();
    expect(breaker.getSnapshot().state).toBe('open');
  });

  it('counts one failure per call in a breaker outside the retry', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    const fn = vi.fn(() => Promise.reject(transient()));
    const result = compose(breaker, retry({ attempts: 3, backoff: constant(1) })).execute(fn);
    result.catch(() => {});
    await vi.runAllTimersAsync();
    expect(fn).toHaveBeenCalledTimes(3);
    expect(breaker.getSnapshot().state).toBe('closed');
  });

  it('hands fn the attempt number through every layer', async () => {
    const attempts: number[] = [];
    const policy = compose(retry({ backoff: constant(1) }), circuitBreaker(), timeout(1000));
    const result = policy.execute(({ attempt }: PolicyContext) => {
      attempts.push(attempt);
      if (attempt < 3) throw transient();
      return 'ok';
    });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives each attempt its own timeout when the timeout is inside the retry', async () => {
    const fn = vi.fn(({ attempt }: PolicyContext) =>
      attempt === 1 ? new Promise<string>(() => {}) : Promise.resolve('second'),
    );
    const result = compose(retry({ backoff: constant(0) }), timeout(500)).execute(fn);
    await vi.advanceTimersByTimeAsync(499);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('second');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('answers the fallback when the policies inside it give up', async () => {
    const policy = compose(fallback('cached'), retry({ attempts: 2, backoff: constant(1) }));
    const result = policy.execute(() => Promise.reject(transient()));
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('cached');
  });

  it('runs fn directly when given no policy', async () => {
    await expect(compose().execute(({ attempt }) => attempt)).resolves.toBe(1);
  });
});
