// @vitest-environment node
import { constant, exponential } from 'bulwark/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random';

const SAMPLES = 20_000;
const sample = (fn: () => number) => Array.from({ length: SAMPLES }, fn);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('exponential backoff', () => {
  it('doubles from initialMs and stops at maxMs without jitter', () => {
    const backoff = exponential({ initialMs: 100, maxMs: 1000, jitter: 'none' });
    expect([1, 2, 3, 4, 5, 6].map((n) => backoff(n, 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('grows by the given factor', () => {
    const backoff = exponential({ initialMs: 10, factor: 3, jitter: 'none' });
    expect([1, 2, 3].map((n) => backoff(n, 0))).toEqual([10, 30, 90]);
  });

  it('spreads full jitter uniformly over [0, delay]', () => {
    const backoff = exponential({ initialMs: 100, jitter: 'full', random: seededRandom(1) });
    const delays = sample(() => backoff(4, 0)); // delay 800
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(800);
    expect(mean(delays)).toBeGreaterThan(400 * 0.97);
    expect(mean(delays)).toBeLessThan(400 * 1.03);
    expect(delays.filter((d) => d < 80).length / SAMPLES).toBeCloseTo(0.1, 1);
  });

  it('uses full jitter by default', () => {
    const backoff = exponential({ initialMs: 100, random: () => 0.25 });
    expect(backoff(2, 0)).toBe(50);
  });

  it('keeps equal jitter within [delay / 2, delay]', () => {
    const backoff = exponential({ initialMs: 100, jitter: 'equal', random: seededRandom(2) });
    const delays = sample(() => backoff(3, 0)); // delay 400
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...delays)).toBeLessThanOrEqual(400);
    expect(mean(delays)).toBeGreaterThan(300 * 0.98);
    expect(mean(delays)).toBeLessThan(300 * 1.02);
  });

  it('keeps decorrelated jitter within [initialMs, 3 x previous], capped at maxMs', () => {
    const random = seededRandom(3);
    const backoff = exponential({ initialMs: 100, maxMs: 5000, jitter: 'decorrelated', random });
    let previous = 0;
    let outside = 0;
    for (let i = 1; i <= SAMPLES; i++) {
      const delay = backoff(i, previous);
      if (delay < 100 || delay > Math.min(5000, Math.max(100, previous * 3))) outside++;
      previous = delay;
    }
    expect(outside).toBe(0);
    const fromOneSecond = sample(() => backoff(5, 1000));
    expect(mean(fromOneSecond)).toBeGreaterThan(1550 * 0.97); // uniform on [100, 3000]
    expect(mean(fromOneSecond)).toBeLessThan(1550 * 1.03);
  });
});

describe('constant backoff', () => {
  it('waits the same before every retry', () => {
    const backoff = constant(250);
    expect([1, 2, 9].map((n) => backoff(n, 250))).toEqual([250, 250, 250]);
  });
});
