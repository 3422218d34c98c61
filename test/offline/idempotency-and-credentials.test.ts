// What the outbox stores and sends besides the body, in real Chromium against the real server:
// an app's own Idempotency-Key shared by two different requests (break-it F17 of issue 12), and
// credentials kept out of IndexedDB (F8).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectOnceEach, open, post, queueOffline, snapshot, startSuite, waitFor } from './suite';

const suite = startSuite();

/** Every stored entry of the outbox database, as JSON, read from the page. */
const storedEntries = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('bulwark-outbox');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => {
            request.result.close();
            resolve(JSON.stringify(all.result));
          };
        };
      }),
  );

describe('Idempotency-Key and credentials of queued requests (real Chromium, real server)', () => {
  it('refuses to queue a different request under an app key an entry already holds (409), and sends the first once', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['order-42 qty 1'], { 'Idempotency-Key': 'order-42' });
    const second = await post(page, 'order-42 qty 2', { 'Idempotency-Key': 'order-42' });
    // Queued, the server would answer it with the first one's result: it would leave as "delivered", unapplied.
    expect(second.status).toBe(409);
    expect(second.queued).toBeNull();
    expect(second.queueError).toBe('key-conflict');
    expect(JSON.parse(second.text)).toMatchObject({ error: 'bulwark-outbox-key-conflict' });
    expect((await snapshot(page)).pending).toBe(1);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'first applied');
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 0);
    expect(suite.server.received.map((r) => r.body)).toEqual(['order-42 qty 1']);
    expectOnceEach(suite.server, ['order-42 qty 1']);
  });

  it('queues the app’s own retry of one request under its key, sends both as they are, and the server applies it once', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['same change', 'same change'], { 'Idempotency-Key': 'change-7' });
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.received.length === 2, 10_000, 'both sent');
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 0);
    expect([...suite.server.keysOf('same change')]).toEqual(['change-7']);
    expect(suite.server.appliedCount('same change')).toBe(1);
  });

  it('keeps Authorization out of IndexedDB, and a replay sends what onReplayRequest puts on', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    const secret = 'Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc';
    // Online with an empty line: the live attempt carries the app's header as it was.
    const live = await post(page, 'live with auth', { Authorization: secret });
    expect(live.status).toBe(200);
    expect(suite.server.received[0]?.authorization).toBe(secret);
    await context.setOffline(true);
    await queueOffline(page, ['queued with auth'], { Authorization: secret, 'X-Replay-Hook': 'auth' });
    const stored = await storedEntries(page);
    // The other headers are kept.
    expect(stored).toContain('x-replay-hook');
    expect(stored).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    expect(stored.toLowerCase()).not.toContain('authorization');
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 2, 10_000, 'replayed');
    const replayed = suite.server.received.find((r) => r.body === 'queued with auth');
    expect(replayed?.authorization).toBe('Bearer fresh-from-hook');
    expectOnceEach(suite.server, ['live with auth', 'queued with auth']);
  });
});
