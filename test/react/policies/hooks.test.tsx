import { act, renderHook } from '@testing-library/react';
import { AppError, useCircuit, useDegradation, useFeature } from 'bulwark';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setup } from './wrapper';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_000_000);
});
afterEach(() => vi.useRealTimers());

const down = () => Promise.reject(new AppError('down', { kind: 'server' }));

describe('useCircuit', () => {
  it('follows the named breaker of the instance through open, half-open and closed', async () => {
    const { resilience, wrapper } = setup({ breakers: { failureThreshold: 1, halfOpenAfterMs: 5000 } });
    const { result } = renderHook(() => useCircuit('payments'), { wrapper });
    expect(result.current.state).toBe('closed');
    await act(() =>
      resilience
        .breaker('payments')
        .execute(down)
        .catch(() => {}),
    );
    expect(result.current).toMatchObject({ state: 'open', nextAttemptAt: 1_005_000 });
    vi.advanceTimersByTime(5000);
    await act(() => resilience.breaker('payments').execute(() => 'ok'));
    expect(result.current).toMatchObject({ state: 'closed', nextAttemptAt: undefined });
  });
});

describe('useDegradation and useFeature', () => {
  it('re-render as the app sets and clears a level', () => {
    const { resilience, wrapper } = setup({ degradation: { features: { minimal: ['search'] } } });
    const { result } = renderHook(() => ({ degradation: useDegradation(), search: useFeature('search') }), {
      wrapper,
    });
    expect(result.current.search).toEqual({ available: true, reason: undefined, cause: undefined });
    act(() => resilience.degradation.set('minimal', 'Planned maintenance'));
    expect(result.current.degradation.level).toBe('minimal');
    expect(result.current.search).toEqual({ available: false, reason: 'Planned maintenance', cause: 'app' });
    act(() => resilience.degradation.set('full'));
    expect(result.current.search.available).toBe(true);
  });

  it('turn a feature off while its breaker is open, and on when the network returns', async () => {
    const { resilience, network, wrapper } = setup({
      breakers: { failureThreshold: 1 },
      degradation: { breakerFeatures: { recs: ['recommendations'] }, features: { offline: ['checkout'] } },
    });
    const { result } = renderHook(() => [useFeature('recommendations'), useFeature('checkout')] as const, {
      wrapper,
    });
    await act(() =>
      resilience
        .breaker('recs')
        .execute(down)
        .catch(() => {}),
    );
    expect(result.current[0]).toEqual({ available: false, reason: 'recs', cause: 'breaker' });
    act(() => network.setOnline(false));
    expect(result.current[1]).toMatchObject({ available: false, cause: 'network' });
    act(() => network.setOnline(true));
    expect(result.current[1].available).toBe(true);
  });

  it('keeps the feature status object while nothing about it changes', () => {
    const { resilience, wrapper } = setup({ degradation: { features: { minimal: ['search'] } } });
    const { result } = renderHook(() => useFeature('search'), { wrapper });
    const first = result.current;
    act(() => resilience.degradation.set('reduced', 'Busy'));
    expect(result.current).toBe(first);
  });
});
