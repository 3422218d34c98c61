// onReplayRequest that misbehaves, in real Chromium: the entry is kept (and sent once the hook works),
// the worker goes on with the line in order, and the page hears of the error.
import { describe, expect, it } from 'vitest';
import { expectOnceEach, open, post, queueOffline, snapshot, startSuite, waitFor } from './suite';

const suite = startSuite();

describe('onReplayRequest that throws (real Chromium, real server)', () => {
  it('keeps the entry, reports the error, and goes on in order', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['hooked'], { 'X-Replay-Hook': 'throw-once' });
    await queueOffline(page, ['after']);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());

    await waitFor(() => suite.server.applied.length === 2, 10_000, '2 applied');
    expect(suite.server.applied).toEqual(['hooked', 'after']);
    expectOnceEach(suite.server, ['hooked', 'after']);
    // The hook's failure reached capture, with its message.
    await page.waitForFunction(() =>
      window.captured.some(
        (c) =>
          c.source === 'queue' && c.code === 'OUTBOX_REPLAY_HOOK' && c.message.includes('token store locked'),
      ),
    );
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 0);
    expect((await snapshot(page)).dead).toEqual([]);

    // The worker keeps going: a later request is sent straight away.
    const later = await post(page, 'later');
    expect(later.status).toBe(200);
    expectOnceEach(suite.server, ['later']);
  });

  it('handles a hook that throws a non-Error or returns no Request: kept, reported, not sent as is', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['string'], { 'X-Replay-Hook': 'throw-string-once' });
    await queueOffline(page, ['nothing'], { 'X-Replay-Hook': 'return-nothing-once' });
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());

    await waitFor(() => suite.server.applied.length === 2, 10_000, '2 applied');
    expect(suite.server.applied).toEqual(['string', 'nothing']);
    expectOnceEach(suite.server, ['string', 'nothing']);
    // No request other than the two bodies reached the server (nothing like `GET /undefined`).
    expect(suite.server.received.map((r) => r.body)).toEqual(['string', 'nothing']);
    await page.waitForFunction(
      () => window.captured.filter((c) => c.code === 'OUTBOX_REPLAY_HOOK').length >= 2,
    );
    expect((await snapshot(page)).dead).toEqual([]);
  });

  it('keeps the entry’s Idempotency-Key even if the hook rewrites it', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['rekeyed'], { 'X-Replay-Hook': 'rewrite-key', 'Idempotency-Key': 'app-key-1' });
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'rekeyed applied');
    expect([...suite.server.keysOf('rekeyed')]).toEqual(['app-key-1']);
    expectOnceEach(suite.server, ['rekeyed']);
  });
});
