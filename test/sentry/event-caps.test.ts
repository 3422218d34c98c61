import { describe, expect, it } from 'vitest';
import { createEventCaps } from '../../src/sentry/event-caps';

type Event = Parameters<ReturnType<typeof createEventCaps>>[0];
const event = (level: Event['level'], key: string): Event => ({ type: undefined, level, fingerprint: [key] });

describe('the Sentry event caps', () => {
  it('gives each severity its own session budget, set one by one, the rest at the default of 50', () => {
    const caps = createEventCaps({ maxEventsPerSession: { error: 2, critical: 1 } }, () => 0, Math.random);
    const admitted = (level: Event['level'], count: number) =>
      Array.from({ length: count }, (_, i) => caps(event(level, `${level}-${i}`))).filter(Boolean).length;
    expect(admitted('error', 5)).toBe(2);
    expect(admitted('fatal', 3)).toBe(1);
    expect(admitted('warning', 60)).toBe(50);
  });

  it('keys an event without a fingerprint on its normalised message and top frame', () => {
    const caps = createEventCaps({}, () => 0, Math.random);
    const thrown = (value: string, fn = 'loadOrder') => ({
      type: undefined,
      exception: {
        values: [
          {
            type: 'Error',
            value,
            stacktrace: { frames: [{ function: fn, filename: 'https://app.example/a.js' }] },
          },
        ],
      },
    });
    expect(caps(thrown('Order 41 not found for ada@example.com'))).not.toBeNull();
    expect(caps(thrown('Order 42 not found for bob@example.com'))).toBeNull();
    expect(caps(thrown('Order 42 not found', 'otherCaller'))).not.toBeNull();
    expect(caps({ type: undefined, message: 'disk 91% full' })).not.toBeNull();
    expect(caps({ type: undefined, message: 'disk 92% full' })).toBeNull();
  });
});
