// Break-it (issue 11, break11c): a boundary's capture recorded after the paint must end in the same records
// as main's immediate capture.
import { createResilience, type ErrorRecord } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

const boundary = {
  source: 'boundary' as const,
  level: 'feature' as const,
  componentStack: '\n    at Widget',
};

describe('break11c: after-paint capture', () => {
  it('C1: a capture of the same fault between the catch and the paint keeps time order (firstSeen <= lastSeen, latest context)', () => {
    let time = 1_000;
    const resilience = createResilience({ now: () => time });
    // The boundary catches first ...
    resilience.capture(new Error('Cart failed'), boundary, { afterPaint: true });
    time = 1_010;
    // ... then, before the next frame, a hook captures the same fault (another Error, same message and site).
    resilience.capture(new Error('Cart failed'), { source: 'hook', userAction: 'open cart' });
    resilience.flush();
    const [record] = resilience.store.getState().records;
    // main: recorded in call order -> firstSeen 1000, lastSeen 1010, occurrences [1000, 1010], the hook's context last.
    expect(record!.firstSeen).toBeLessThanOrEqual(record!.lastSeen);
    expect(record!.occurrences).toEqual([1_000, 1_010]);
    expect(record!.lastSeen).toBe(1_010);
  });

  it('C2: a primitive thrown to a boundary and then captured again is recorded in call order', () => {
    const resilience = createResilience();
    resilience.capture('first', boundary, { afterPaint: true });
    resilience.capture('second', { source: 'hook' });
    resilience.flush();
    // main: ['first', 'second'] (store order is capture order)
    expect(resilience.store.getState().records.map((r) => r.error.message)).toEqual(['first', 'second']);
  });

  it('C3: resolve(standIn.id) still resolves the record after more than 100 other boundary captures', () => {
    const resilience = createResilience({ store: { historyLimit: 500 } });
    const standIn = resilience.capture(new Error('boundary A failed'), boundary, { afterPaint: true });
    resilience.flush();
    // A list of widgets fails, each in its own boundary (distinct faults), while boundary A still shows its fallback.
    for (let i = 0; i < 101; i++) {
      const e = new Error(`widget ${i} failed`);
      e.stack = `Error: widget ${i} failed\n    at w${i} (w${i}.js:1:1)`;
      resilience.capture(e, boundary, { afterPaint: true });
    }
    resilience.flush();
    // Boundary A's children recover: it resolves the id capture handed it (error-boundary.ts #recovered).
    resilience.resolve(standIn.id);
    const a = resilience.store.getState().records.find((r) => r.error.message === 'boundary A failed');
    // main: capture returned the real id, so the record is 'recovered'.
    expect(a?.status).toBe('recovered');
  });
  it('C5: the report sent for a fault is the boundary’s (its level and name), as main sends it', () => {
    const sent: ErrorRecord[] = [];
    const resilience = createResilience({ reporters: [{ name: 'spy', report: (r) => void sent.push(r) }] });
    resilience.capture(new Error('Cart failed'), { ...boundary, name: 'cart' }, { afterPaint: true });
    // Before the paint a hook reports the same fault; the per-fingerprint rate limit lets one report through.
    resilience.capture(new Error('Cart failed'), { source: 'hook' });
    resilience.flush();
    // main: the boundary's capture came first, so its report (source boundary, level, name -> Sentry tags) is sent.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.context).toMatchObject({ source: 'boundary', level: 'feature', name: 'cart' });
  });
});
