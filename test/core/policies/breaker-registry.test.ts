// @vitest-environment node
import { AppError, createBreakerRegistry, createResilience } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';

describe('breaker registry', () => {
  it('hands out one breaker per name', () => {
    const registry = createBreakerRegistry();
    expect(registry.get('search')).toBe(registry.get('search'));
    expect(registry.get('search')).not.toBe(registry.get('payments'));
    expect(registry.list().map((b) => b.name)).toEqual(['search', 'payments']);
  });

  it('applies registry defaults under the options of the first get', async () => {
    const registry = createBreakerRegistry({ failureThreshold: 1, halfOpenAfterMs: 5 });
    const breaker = registry.get('api', { halfOpenAfterMs: 7 });
    await breaker.execute(() => Promise.reject(new Error('down'))).catch(() => {});
    const { since, nextAttemptAt } = breaker.getSnapshot();
    expect(nextAttemptAt! - since).toBe(7);
  });

  it('tells registry listeners of every breaker’s transitions', async () => {
    const registry = createBreakerRegistry({ failureThreshold: 1 });
    const listener = vi.fn();
    registry.subscribe(listener);
    await registry
      .get('a')
      .execute(() => Promise.reject(new Error('down')))
      .catch(() => {});
    await registry
      .get('b')
      .execute(() => Promise.reject(new Error('down')))
      .catch(() => {});
    expect(listener.mock.calls.map(([t]) => [t.name, t.to])).toEqual([
      ['a', 'open'],
      ['b', 'open'],
    ]);
  });

  it('keeps the breakers of two resilience instances apart', async () => {
    const one = createResilience({ breakers: { failureThreshold: 1 } });
    const two = createResilience();
    await one
      .breaker('api')
      .execute(() => Promise.reject(new AppError('down', { kind: 'server' })))
      .catch(() => {});
    expect(one.breaker('api').getSnapshot().state).toBe('open');
    expect(two.breaker('api').getSnapshot().state).toBe('closed');
  });
});
