// @vitest-environment node
import {
  AppError,
  circuitBreaker,
  compose,
  isBrokenCircuitError,
  timeout,
  type PolicyContext,
  type CircuitBreaker,
  type CircuitTransition,
} from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const boom = () => Promise.reject(new AppError('down', { kind: 'server', retryable: true }));
const ok = () => Promise.resolve('ok');

async function fail(breaker: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) await breaker.execute(boom).catch(() => {});
}

function record(breaker: CircuitBreaker) {
  const transitions: CircuitTransition[] = [];
  breaker.subscribe((t) => transitions.push(t));
  return transitions;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

describe('circuitBreaker', () => {
  it('opens after 5 consecutive failures by default', async () => {
    const breaker = circuitBreaker({ name: 'api' });
    await fail(breaker, 4);
    expect(breaker.getSnapshot().state).toBe('closed');
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).toMatchObject({ state: 'open', reason: 'consecutive-failures' });
  });

  it('fast-fails while open with kind circuit-open and the time it will try again', async () => {
    const breaker = circuitBreaker({ name: 'api', failureThreshold: 1 });
    await fail(breaker, 1);
    const fn = vi.fn(ok);
    const error: unknown = await breaker.execute(fn).catch((e: unknown) => e);
    expect(fn).not.toHaveBeenCalled();
    expect(isBrokenCircuitError(error)).toBe(true);
    expect(error).toMatchObject({
      kind: 'circuit-open',
      retryable: false,
      retryAt: 1_030_000,
      retryAfterMs: 30_000,
      context: { breaker: 'api', retryAt: 1_030_000 },
    });
    expect(breaker.getSnapshot().nextAttemptAt).toBe(1_030_000);
  });

  it('counts only consecutive failures: a success resets the count', async () => {
    const breaker = circuitBreaker({ failureThreshold: 3, minimumCalls: Infinity });
    await fail(breaker, 2);
    await breaker.execute(ok);
    await fail(breaker, 2);
    expect(breaker.getSnapshot().state).toBe('closed');
    await fail(breaker, 1);
    expect(breaker.getSnapshot().state).toBe('open');
  });

  it('opens when half of at least 10 calls in the window fail', async () => {
    const breaker = circuitBreaker();
    for (let i = 0; i < 4; i++) {
      await fail(breaker, 1);
      await breaker.execute(ok);
    }
    await fail(breaker, 1);
    expect(breaker.getSnapshot().state).toBe('closed'); // 5 of 9: too few calls
    await breaker.execute(ok);
    expect(breaker.getSnapshot().state).toBe('closed'); // a success never opens it
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).toMatchObject({ state: 'open', reason: 'failure-rate' }); // 6 of 11
  });

  it('forgets calls older than the window', async () => {
    const breaker = circuitBreaker({ failureThreshold: Infinity, minimumCalls: 4, windowMs: 10_000 });
    await fail(breaker, 3);
    vi.advanceTimersByTime(10_000);
    await breaker.execute(ok);
    await breaker.execute(ok);
    await breaker.execute(ok);
    await fail(breaker, 1);
    expect(breaker.getSnapshot().state).toBe('closed'); // 1 of 4 in the window, not 4 of 7
    await fail(breaker, 1);
    await fail(breaker, 1);
    expect(breaker.getSnapshot().state).toBe('open'); // 3 of 6
  });

  it('keeps partial buckets of the window as time moves on', async () => {
    const breaker = circuitBreaker({ failureThreshold: Infinity, minimumCalls: 4, windowMs: 10_000 });
    await fail(breaker, 2);
    vi.advanceTimersByTime(5000);
    await breaker.execute(ok);
    await fail(breaker, 1);
    expect(breaker.getSnapshot().state).toBe('open'); // 3 of 4 within 10 s
  });

  it('goes half-open on the first call after halfOpenAfterMs and closes when the trial succeeds', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 5000 });
    const transitions = record(breaker);
    await fail(breaker, 1);
    vi.advanceTimersByTime(4999);
    await expect(breaker.execute(ok)).rejects.toMatchObject({ kind: 'circuit-open' });
    vi.advanceTimersByTime(1);
    expect(breaker.getSnapshot().state).toBe('open'); // no timer: nothing changes until a call
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(transitions.map((t) => [t.from, t.to, t.reason])).toEqual([
      ['closed', 'open', 'consecutive-failures'],
      ['open', 'half-open', 'half-open-after'],
      ['half-open', 'closed', 'trial-succeeded'],
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reopens for another halfOpenAfterMs when the trial fails', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 5000 });
    await fail(breaker, 1);
    vi.advanceTimersByTime(5000);
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).toMatchObject({
      state: 'open',
      reason: 'trial-failed',
      nextAttemptAt: 1_010_000,
    });
  });

  it('fast-fails concurrent callers beyond halfOpenMaxCalls while the trial runs', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    let finish: (value: string) => void = () => {};
    const trial = breaker.execute(() => new Promise<string>((resolve) => (finish = resolve)));
    const second = vi.fn(ok);
    await expect(breaker.execute(second)).rejects.toMatchObject({ kind: 'circuit-open' });
    expect(second).not.toHaveBeenCalled();
    expect(breaker.getSnapshot().state).toBe('half-open');
    finish('done');
    await expect(trial).resolves.toBe('done');
    expect(breaker.getSnapshot().state).toBe('closed');
  });

  it('closes only when every one of halfOpenMaxCalls trials succeeds', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000, halfOpenMaxCalls: 2 });
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    await breaker.execute(ok);
    expect(breaker.getSnapshot().state).toBe('half-open');
    await breaker.execute(ok);
    expect(breaker.getSnapshot().state).toBe('closed');
  });

  it('ignores a late result of a call that started before it opened', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    let finish: (value: string) => void = () => {};
    const slow = breaker.execute(() => new Promise<string>((resolve) => (finish = resolve)));
    await fail(breaker, 1);
    finish('late');
    await slow;
    expect(breaker.getSnapshot()).toMatchObject({ state: 'open' });
  });

  it('does not count aborts or 4xx answers as failures', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1 });
    await breaker.execute(() => Promise.reject(new AppError('gone', { status: 404 }))).catch(() => {});
    await breaker.execute(() => Promise.reject(new DOMException('stop', 'AbortError'))).catch(() => {});
    expect(breaker.getSnapshot().state).toBe('closed');
  });

  it('counts what a custom isFailure says', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, isFailure: (e) => e === 'counted' });
    await breaker.execute(() => Promise.reject('ignored')).catch(() => {});
    expect(breaker.getSnapshot().state).toBe('closed');
    await breaker.execute(() => Promise.reject('counted')).catch(() => {});
    expect(breaker.getSnapshot().state).toBe('open');
  });

  it('isolates until every handle is released, then closes', async () => {
    const breaker = circuitBreaker({ name: 'maintenance' });
    const transitions = record(breaker);
    const a = breaker.isolate();
    const b = breaker.isolate();
    const fn = vi.fn(ok);
    await expect(breaker.execute(fn)).rejects.toMatchObject({ kind: 'circuit-open', retryAt: undefined });
    a.release();
    a.release();
    expect(breaker.getSnapshot().state).toBe('isolated');
    b.release();
    expect(breaker.getSnapshot().state).toBe('closed');
    expect(transitions.map((t) => t.reason)).toEqual(['isolated', 'released']);
    expect(fn).not.toHaveBeenCalled();
  });

  it('tells listeners why it opened and with which error; a throwing listener harms nothing', async () => {
    const breaker = circuitBreaker({ name: 'api', failureThreshold: 1 });
    breaker.subscribe(() => {
      throw new Error('listener bug');
    });
    const transitions = record(breaker);
    const error = new AppError('down', { kind: 'server' });
    await expect(breaker.execute(() => Promise.reject(error))).rejects.toBe(error);
    expect(transitions[0]).toMatchObject({
      name: 'api',
      from: 'closed',
      to: 'open',
      reason: 'consecutive-failures',
      at: 1_000_000,
      nextAttemptAt: 1_030_000,
      error,
    });
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1 });
    const listener = vi.fn();
    breaker.subscribe(listener)();
    await fail(breaker, 1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps the same snapshot object until a transition', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    const first = breaker.getSnapshot();
    await breaker.execute(ok);
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).toBe(first);
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).not.toBe(first);
  });
});

describe('circuitBreaker: aborting is neutral, and no state waits forever', () => {
  const abort = () => Promise.reject(new DOMException('stop', 'AbortError'));

  it('does not close on an aborted half-open trial, and lets the next call be the trial', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    const transitions = record(breaker);
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    await expect(breaker.execute(abort)).rejects.toMatchObject({ name: 'AbortError' });
    expect(breaker.getSnapshot().state).toBe('half-open');
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.getSnapshot()).toMatchObject({ state: 'closed', reason: 'trial-succeeded' });
    expect(transitions.map((t) => t.reason)).toEqual([
      'consecutive-failures',
      'half-open-after',
      'trial-succeeded',
    ]);
  });

  it('treats whatever a trial throws after its caller aborted as neutral', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    const controller = new AbortController();
    const trial = breaker.execute(async () => {
      controller.abort();
      throw new Error('socket hang up');
    }, controller.signal);
    await expect(trial).rejects.toThrow('socket hang up');
    expect(breaker.getSnapshot().state).toBe('half-open');
  });

  it('does not reset a failure streak on an abort', async () => {
    const breaker = circuitBreaker({ failureThreshold: 3, minimumCalls: Infinity });
    await fail(breaker, 2);
    await breaker.execute(abort).catch(() => {});
    await fail(breaker, 1);
    expect(breaker.getSnapshot()).toMatchObject({ state: 'open', reason: 'consecutive-failures' });
  });

  it('never calls fn with an already-aborted signal, in any state', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    const fn = vi.fn(ok);
    await expect(breaker.execute(fn, AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    await expect(breaker.execute(fn, AbortSignal.abort())).rejects.toMatchObject({ kind: 'aborted' });
    expect(fn).not.toHaveBeenCalled();
    // The aborted call did not use up the trial.
    await expect(breaker.execute(fn)).resolves.toBe('ok');
    expect(breaker.getSnapshot().state).toBe('closed');
  });

  it('gives up on a trial that never settles after another halfOpenAfterMs', async () => {
    const breaker = circuitBreaker({ failureThreshold: 1, halfOpenAfterMs: 1000 });
    await fail(breaker, 1);
    vi.advanceTimersByTime(1000);
    void breaker.execute(() => new Promise<string>(() => {}));
    await expect(breaker.execute(ok)).rejects.toMatchObject({ kind: 'circuit-open' });
    vi.advanceTimersByTime(1000);
    await expect(breaker.execute(ok)).resolves.toBe('ok');
    expect(breaker.getSnapshot().state).toBe('closed');
  });
});

describe('timeouts from outside the breaker are failures, not aborts', () => {
  const hangUntilAborted = ({ signal }: PolicyContext) =>
    new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));

  it('opens for a hanging service behind a caller’s AbortSignal.timeout()', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    for (let i = 0; i < 3; i++)
      await breaker.execute(hangUntilAborted, AbortSignal.timeout(10)).catch(() => undefined);
    expect(breaker.getSnapshot().state).toBe('open');
  });

  it('opens for a hanging service behind compose(timeout(ms), breaker)', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    const policy = compose(timeout(10), breaker);
    for (let i = 0; i < 3; i++) {
      const call = policy.execute(hangUntilAborted).catch(() => undefined);
      await vi.advanceTimersByTimeAsync(10);
      await call;
    }
    expect(breaker.getSnapshot().state).toBe('open');
  });

  it('stays neutral when the caller aborts with abort()', async () => {
    const breaker = circuitBreaker({ failureThreshold: 2 });
    for (let i = 0; i < 3; i++) {
      const controller = new AbortController();
      const call = breaker.execute(hangUntilAborted, controller.signal);
      controller.abort();
      await call.catch(() => undefined);
    }
    expect(breaker.getSnapshot().state).toBe('closed');
  });
});
