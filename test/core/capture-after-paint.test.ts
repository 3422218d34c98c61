// A boundary's capture recorded after the paint (issue 11, click -> fallback painted): what the caller gets at
// once, what waits, and every way the waiting capture is recorded.
import { createResilience, type Reporter } from 'bulwark/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../src/core/after-paint';

const secretStack = '\n    at Widget (app.js:1:2)\n    at Checkout token=sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const boundaryContext = {
  source: 'boundary' as const,
  level: 'feature' as const,
  componentStack: secretStack,
};
const painted = () => new Promise<void>((resolve) => afterPaint(resolve));

describe('capture(error, context, { afterPaint: true })', () => {
  afterEach(() => vi.useRealTimers());

  it('records nothing in the caller’s task and the record once the next frame is painted', async () => {
    const resilience = createResilience();
    const thrown = new TypeError('Failed to fetch');
    const standIn = resilience.capture(thrown, boundaryContext, { afterPaint: true });
    expect(resilience.store.getState().records).toHaveLength(0);
    expect(standIn).toMatchObject({ presentation: 'silent', context: {} });
    expect(standIn.error.code).toBe('ERROR_BOUNDARY_PENDING');
    // It counts as captured at once: React 19's root handler and hooks do not capture it a second time.
    expect(resilience.isCaptured(thrown)).toBe(true);
    await painted();
    const [record] = resilience.store.getState().records;
    expect(record).toMatchObject({ count: 1, context: { source: 'boundary', level: 'feature' } });
    expect(record!.error.kind).toBe('network');
  });

  it('keeps the time of the catch as the occurrence, not the time it was recorded', async () => {
    let time = 1_000;
    const resilience = createResilience({ now: () => time });
    resilience.capture(new Error('boom'), boundaryContext, { afterPaint: true });
    time = 1_500;
    await painted();
    expect(resilience.store.getState().records[0]).toMatchObject({ firstSeen: 1_000, occurrences: [1_000] });
  });

  it('keeps several boundaries’ captures of one render waiting, in order, and records a listener’s capture after the one it saw', async () => {
    const resilience = createResilience();
    const order: string[] = [];
    resilience.store.subscribe((state, previous) => {
      const added = state.records.find((r) => !previous.records.some((p) => p.id === r.id));
      if (!added) return;
      order.push(added.error.message);
      // A listener that captures while the first waiting capture is recorded (main recorded it right there).
      if (added.error.message === 'widget one') resilience.capture(new Error('from a listener'));
    });
    for (const n of ['one', 'two', 'three'])
      resilience.capture(new Error(`widget ${n}`), boundaryContext, { afterPaint: true });
    expect(resilience.store.getState().records).toHaveLength(0);
    await painted();
    expect(order).toEqual(['widget one', 'from a listener', 'widget two', 'widget three']);
  });

  it('is recorded by flush(), and on pagehide when the page goes away before its next frame', () => {
    const resilience = createResilience();
    resilience.capture(new Error('first'), boundaryContext, { afterPaint: true });
    resilience.flush();
    expect(resilience.store.getState().records).toHaveLength(1);
    resilience.capture(new Error('second'), boundaryContext, { afterPaint: true });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(resilience.store.getState().records.map((r) => r.error.message)).toEqual(['first', 'second']);
  });

  it('is recorded when no frame comes (a hidden tab), after AFTER_PAINT_TIMEOUT_MS', () => {
    const hidden = createResilience();
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    hidden.capture(new Error('boom'), boundaryContext, { afterPaint: true });
    vi.advanceTimersByTime(99);
    expect(hidden.store.getState().records).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(hidden.store.getState().records).toHaveLength(1);
    expect(raf).toHaveBeenCalled();
    raf.mockRestore();
  });

  it('never lets the component stack reach the store or a reporter unredacted, nor the stand-in at all', async () => {
    const reported: string[] = [];
    const reporter: Reporter = {
      name: 'test',
      report: (report) => void reported.push(JSON.stringify(report)),
    };
    const resilience = createResilience({ reporters: [reporter] });
    const standIn = resilience.capture(new Error('boom'), boundaryContext, { afterPaint: true });
    expect(JSON.stringify(standIn.context)).not.toContain('sk_live');
    await painted();
    const [record] = resilience.store.getState().records;
    expect(record!.context.componentStack).toContain('Widget');
    expect(JSON.stringify(record!.context)).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.join('')).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
  });

  it('records it first when the same value is captured again, which then adds to that record', () => {
    const resilience = createResilience();
    const thrown = new Error('boom');
    resilience.capture(thrown, boundaryContext, { afterPaint: true });
    const record = resilience.capture(thrown, { source: 'hook', userAction: 'save' });
    expect(resilience.store.getState().records).toHaveLength(1);
    expect(record).toMatchObject({ count: 1, context: { level: 'feature', userAction: 'save' } });
  });

  it('resolves and dismisses the record made for a stand-in, by the stand-in’s id', async () => {
    const resilience = createResilience();
    const first = resilience.capture(new Error('one'), boundaryContext, { afterPaint: true });
    // Resolved before the paint: recorded first, then resolved.
    resilience.resolve(first.id);
    expect(resilience.store.getState().records[0]?.status).toBe('recovered');
    const second = resilience.capture(new Error('two'), boundaryContext, { afterPaint: true });
    await painted();
    resilience.dismiss(second.id);
    expect(resilience.store.getState().records.map((r) => r.status)).toEqual(['recovered', 'dismissed']);
  });
});
