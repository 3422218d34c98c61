import { describe, expect, it } from 'vitest';
import { decideOutbox } from '../../../src/core/offline/outbox-decision';

const mid = () => 0.5;

describe('outbox replay decision', () => {
  it('delivers only on a 2xx', () => {
    for (const status of [200, 201, 204, 299])
      expect(decideOutbox(status, 1, undefined)).toEqual({ action: 'delivered' });
    expect(decideOutbox(304, 1, undefined).action).toBe('dead');
  });

  it('retries network failures, 408, 425, 429 and 5xx', () => {
    for (const status of [0, 408, 425, 429, 500, 502, 503, 504])
      expect(decideOutbox(status, 1, undefined).action).toBe('retry');
  });

  it('pauses on 401 and dead-letters other 4xx', () => {
    expect(decideOutbox(401, 1, undefined)).toEqual({ action: 'pause' });
    for (const status of [400, 403, 404, 409, 410, 413, 422])
      expect(decideOutbox(status, 1, undefined)).toEqual({ action: 'dead' });
  });

  it('backs off from 1 s, doubling with equal jitter, up to 30 s by default', () => {
    const delay = (attempts: number, random = mid) => {
      const decision = decideOutbox(503, attempts, undefined, {}, random);
      return decision.action === 'retry' ? decision.delayMs : NaN;
    };
    expect(delay(1)).toBe(750);
    expect(delay(2)).toBe(1500);
    expect(delay(1, () => 0)).toBe(500);
    expect(delay(1, () => 0.999_999)).toBeCloseTo(1000, 0);
    expect(delay(20, () => 0.999_999)).toBeCloseTo(30_000, 0);
    expect(delay(20, () => 0)).toBe(15_000);
  });

  it('honours a longer Retry-After, even past the cap', () => {
    expect(decideOutbox(429, 1, 120_000, {}, mid)).toEqual({ action: 'retry', delayMs: 120_000 });
    expect(decideOutbox(503, 1, 10, {}, mid)).toEqual({ action: 'retry', delayMs: 750 });
  });

  it('takes its base and cap from the options', () => {
    expect(
      decideOutbox(0, 3, undefined, { retryBaseMs: 100, retryCapMs: 300 }, () => 0.999_999),
    ).toMatchObject({
      delayMs: expect.closeTo(300, 0),
    });
  });
});
