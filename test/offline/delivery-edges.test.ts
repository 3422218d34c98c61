// Answers at the edge of the contract, in real Chromium against the real server (break-it findings
// F1, F2, F7, F10 and F15 of issue 12): a redirect is not a delivery, a far Retry-After does not make the
// page and worker spin, an empty app key is no key, a hung answer does not hold the line,
// cleared site data does not wedge the queue.
import { describe, expect, it } from 'vitest';
import { expectOnceEach, open, queueOffline, sleep, snapshot, startSuite, waitFor } from './suite';

const suite = startSuite();

describe('delivery at the edges (real Chromium, real server)', () => {
  it('keeps an entry answered with a redirect (expired session → /login) as a dead letter, unapplied', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['redirected']);
    suite.server.plan = [{ status: 302, headers: { Location: '/login' } }];
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1);
    expect(suite.server.applied).toEqual([]);
    const [letter] = (await snapshot(page)).dead;
    expect(letter).toMatchObject({ reason: 'rejected', status: 0 });
    expect(letter!.excerpt).toMatch(/redirect/);
    // The user signs in again and retries: sent once.
    expect(await page.evaluate((id) => window.outbox.retry(id), letter!.id)).toBe(true);
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'applied after retry');
    expectOnceEach(suite.server, ['redirected']);
  });

  it('waits quietly for a Retry-After of 30 days (no storm of timers, reads and messages)', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['far-future']);
    suite.server.plan = [{ status: 503, headers: { 'Retry-After': String(30 * 24 * 3600) } }];
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.received.length === 1, 10_000, 'replay sent');
    await sleep(500);
    const news = await page.evaluate(async () => {
      let count = 0;
      const channel = new BroadcastChannel('bulwark-outbox:default');
      channel.onmessage = () => count++;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      channel.close();
      return count;
    });
    expect(news, 'worker news in 2 s while waiting for Retry-After').toBeLessThan(10);
    expect(suite.server.received.length).toBe(1);
    expect((await snapshot(page)).pending).toBe(1);
  });

  it('replaces an empty app-supplied Idempotency-Key with a real one', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['empty-key'], { 'Idempotency-Key': '' });
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'applied');
    expectOnceEach(suite.server, ['empty-key']);
  });

  it('gives up on an answer that never comes after replayTimeoutMs and sends the rest, each once', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, '?replaytimeout=1000');
    await context.setOffline(true);
    await queueOffline(page, ['hung', 'behind-1', 'behind-2']);
    // Applied at once, but the answer never comes (a hung proxy): the retry carries the same key.
    suite.server.plan = [{ status: 200, delayMs: 120_000 }];
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 3, 15_000, '3 applied');
    expect(suite.server.applied).toEqual(['hung', 'behind-1', 'behind-2']);
    expectOnceEach(suite.server, ['hung', 'behind-1', 'behind-2']);
  });

  it('still queues after site data is cleared under a running worker (a fresh database)', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['before-clear']);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'first delivered');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: suite.server.origin, storageTypes: 'indexeddb' });
    await sleep(300);
    await context.setOffline(true);
    const statuses: number[] = [];
    for (const body of ['after-clear-1', 'after-clear-2']) {
      statuses.push((await page.evaluate((b) => window.post(b), body)).status);
      await sleep(500);
    }
    expect(statuses).toEqual([202, 202]);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 3, 10_000, 'all delivered');
    expectOnceEach(suite.server, ['before-clear', 'after-clear-1', 'after-clear-2']);
  });
});
