// maxAgeMs in real Chromium: an entry that waited longer than maxAgeMs becomes a dead letter
// (`reason: 'expired'`) and is never sent on its own; it is sent only if the user retries it.
import { describe, expect, it } from 'vitest';
import { expectOnceEach, open, queueOffline, sleep, snapshot, startSuite, waitFor } from './suite';

const suite = startSuite();
const MAX_AGE_MS = 1500;

describe('maxAgeMs (real Chromium, real server)', () => {
  it('turns an entry older than maxAgeMs into an expired dead letter, never sent, and sends the newer ones', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, `?maxage=${MAX_AGE_MS}`);
    await context.setOffline(true);
    await queueOffline(page, ['stale']);
    await sleep(MAX_AGE_MS + 500);
    await queueOffline(page, ['fresh']);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());

    await waitFor(() => suite.server.applied.length === 1, 10_000, 'fresh applied');
    await page.waitForFunction(
      () => window.outbox.getSnapshot().dead.length === 1 && window.outbox.getSnapshot().pending === 0,
    );
    const { dead } = await snapshot(page);
    expect(dead[0]).toMatchObject({ method: 'POST', reason: 'expired', status: 0 });
    expect(suite.server.received.map((r) => r.body)).toEqual(['fresh']);
    expectOnceEach(suite.server, ['fresh']);
    // Captured like any dead letter, under a code that says why.
    await page.waitForFunction(() =>
      window.captured.some((c) => c.code === 'OUTBOX_EXPIRED' && c.source === 'queue'),
    );

    // Nothing sends it by itself, however often the queue replays.
    await page.evaluate(() => window.outbox.replay());
    await sleep(500);
    expect(suite.server.received.map((r) => r.body)).toEqual(['fresh']);

    // The user chose to send it after all: it goes, once, instead of expiring again at once.
    expect(await page.evaluate((id) => window.outbox.retry(id), dead[0]!.id)).toBe(true);
    await waitFor(() => suite.server.applied.length === 2, 10_000, 'stale applied after retry');
    expect(suite.server.applied).toEqual(['fresh', 'stale']);
    expectOnceEach(suite.server, ['fresh', 'stale']);
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 0);
  });
});
