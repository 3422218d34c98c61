// @vitest-environment node
import {
  AppError,
  createBreakerRegistry,
  createDegradation,
  createNetworkStatus,
  createResilience,
  type BreakerRegistry,
  type DegradationOptions,
  type NetworkStatus,
} from 'bulwark/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const features: DegradationOptions['features'] = {
  reduced: ['recommendations'],
  minimal: ['search'],
  offline: ['checkout'],
};

let registry: BreakerRegistry;
let network: NetworkStatus;

const trip = (name: string) =>
  registry
    .get(name)
    .execute(() => Promise.reject(new AppError('down', { kind: 'server' })))
    .catch(() => {});

beforeEach(() => {
  vi.useFakeTimers();
  registry = createBreakerRegistry({ failureThreshold: 1, halfOpenAfterMs: 10_000 });
  network = createNetworkStatus(() => undefined);
});
afterEach(() => vi.useRealTimers());

describe('degradation', () => {
  it('starts at full with every feature available', () => {
    const degradation = createDegradation({ features, network }, registry);
    expect(degradation.getSnapshot()).toEqual({
      level: 'full',
      cause: undefined,
      reason: undefined,
      unavailable: [],
      openBreakers: [],
    });
    expect(degradation.isAvailable('search')).toBe(true);
  });

  it('turns off the features of the level the app sets, and of every better level', () => {
    const degradation = createDegradation({ features, network }, registry);
    degradation.set('minimal', 'Maintenance until 14:00');
    expect(degradation.getSnapshot()).toMatchObject({
      level: 'minimal',
      cause: 'app',
      reason: 'Maintenance until 14:00',
      unavailable: ['recommendations', 'search'],
    });
    expect(degradation.isAvailable('checkout')).toBe(true);
    degradation.set('full');
    expect(degradation.getSnapshot().level).toBe('full');
  });

  it('goes to reduced when a breaker opens, naming it as the reason', async () => {
    const degradation = createDegradation({ features, network }, registry);
    await trip('search-api');
    expect(degradation.getSnapshot()).toMatchObject({
      level: 'reduced',
      cause: 'breaker',
      reason: 'search-api',
      unavailable: ['recommendations'],
      openBreakers: ['search-api'],
    });
  });

  it('uses the configured level and features of a breaker', async () => {
    const degradation = createDegradation(
      { features, network, breakerLevels: { core: 'minimal' }, breakerFeatures: { payments: ['checkout'] } },
      registry,
    );
    await trip('payments');
    expect(degradation.getSnapshot()).toMatchObject({
      level: 'reduced',
      unavailable: ['recommendations', 'checkout'],
    });
    await trip('core');
    expect(degradation.getSnapshot()).toMatchObject({
      level: 'minimal',
      reason: 'payments, core',
      unavailable: ['recommendations', 'search', 'checkout'],
    });
  });

  it('brings features back when the breaker is due for a trial, and degrades again if the trial fails', async () => {
    const degradation = createDegradation({ features, network }, registry);
    await trip('api');
    vi.advanceTimersByTime(9_999);
    expect(degradation.getSnapshot().level).toBe('reduced');
    vi.advanceTimersByTime(1);
    expect(degradation.getSnapshot().level).toBe('full');
    await trip('api'); // the trial
    expect(degradation.getSnapshot()).toMatchObject({ level: 'reduced', openBreakers: ['api'] });
    vi.advanceTimersByTime(10_000);
    await registry.get('api').execute(() => 'ok');
    expect(registry.get('api').getSnapshot().state).toBe('closed');
    expect(degradation.getSnapshot().level).toBe('full');
  });

  it('stays degraded while a breaker is isolated', () => {
    const degradation = createDegradation({ network }, registry);
    const handle = registry.get('maintenance').isolate();
    vi.advanceTimersByTime(3_600_000);
    expect(degradation.getSnapshot()).toMatchObject({ level: 'reduced', openBreakers: ['maintenance'] });
    handle.release();
    expect(degradation.getSnapshot().level).toBe('full');
  });

  it('goes offline when the network goes away and back when it returns', () => {
    const degradation = createDegradation({ features, network }, registry);
    network.setOnline(false);
    expect(degradation.getSnapshot()).toMatchObject({
      level: 'offline',
      cause: 'network',
      unavailable: ['recommendations', 'search', 'checkout'],
    });
    network.setOnline(true);
    expect(degradation.getSnapshot().level).toBe('full');
  });

  it('takes the worst of the app, the network and the breakers', async () => {
    const degradation = createDegradation({ network }, registry);
    degradation.set('minimal', 'Planned work');
    await trip('api');
    expect(degradation.getSnapshot()).toMatchObject({ level: 'minimal', cause: 'app' });
    network.setOnline(false);
    expect(degradation.getSnapshot()).toMatchObject({ level: 'offline', cause: 'network' });
    network.setOnline(true);
    degradation.set('full');
    expect(degradation.getSnapshot()).toMatchObject({ level: 'reduced', cause: 'breaker' });
  });

  it('tells listeners only when the snapshot changes, and keeps it the same object otherwise', () => {
    const degradation = createDegradation({ network }, registry);
    const listener = vi.fn();
    degradation.subscribe(listener);
    const first = degradation.getSnapshot();
    degradation.set('full');
    expect(listener).not.toHaveBeenCalled();
    expect(degradation.getSnapshot()).toBe(first);
    degradation.set('reduced', 'Busy');
    expect(listener).toHaveBeenCalledWith(degradation.getSnapshot());
  });

  it('ignores the network when told to', () => {
    const degradation = createDegradation({ network: false }, registry);
    network.setOnline(false);
    expect(degradation.getSnapshot().level).toBe('full');
  });

  it('stops following breakers, the network and its timer once disposed', async () => {
    const degradation = createDegradation({ network }, registry);
    await trip('api');
    degradation.dispose();
    network.setOnline(false);
    expect(degradation.getSnapshot().level).toBe('reduced');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is degraded by the breakers of its own resilience instance only', async () => {
    const one = createResilience({ breakers: { failureThreshold: 1 }, degradation: { network } });
    const two = createResilience({ degradation: { network } });
    await one
      .breaker('api')
      .execute(() => Promise.reject(new Error('down')))
      .catch(() => {});
    expect(one.degradation.getSnapshot().level).toBe('reduced');
    expect(two.degradation.getSnapshot().level).toBe('full');
  });
});
