// The offline queue in real Chromium, against a real HTTP server that applies each Idempotency-Key
// once and counts what it applied per body: every test asserts each body was applied exactly once.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as shared from './suite';

const suite = shared.startSuite();
const newContext = () => suite.newContext();
const open = (context: BrowserContext, search = '') => shared.open(suite, context, search);
const { waitFor, post, snapshot, queueOffline } = shared;
const expectOnceEach = (bodies: string[]) => shared.expectOnceEach(suite.server, bodies);

describe('offline queue (real Chromium, real server)', () => {
  it('keeps 3 offline POSTs through a reload and a closed tab, then applies each once, in order', async () => {
    const context = await newContext();
    let page = await open(context);
    await context.setOffline(true);
    await queueOffline(page, ['one', 'two', 'three']);
    await page.reload();
    await page.waitForFunction(() => window.controlled());
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 3);
    await page.close();
    page = await open(context);
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 3);
    expect(suite.server.received).toEqual([]);
    await context.setOffline(false);
    await waitFor(() => suite.server.applied.length === 3, 10_000, '3 applied');
    expect(suite.server.applied).toEqual(['one', 'two', 'three']);
    expectOnceEach(['one', 'two', 'three']);
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 0);
  });

  it('loses nothing and applies nothing twice when the worker is killed mid-replay', async () => {
    const context = await newContext();
    const page = await open(context);
    await context.setOffline(true);
    await queueOffline(page, ['k1', 'k2', 'k3']);
    // The server applies k1 at once but answers only after 3 s: the worker dies before the answer.
    suite.server.plan = [{ status: 200, delayMs: 3000 }];
    await context.setOffline(false);
    await waitFor(() => suite.server.received.length === 1, 10_000, 'first replayed request');
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(suite.server.applied).toEqual(['k1']);
    // A trigger from the page (here "Send now") wakes a fresh worker.
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => suite.server.applied.length === 3, 10_000, '3 applied');
    expect(suite.server.applied).toEqual(['k1', 'k2', 'k3']);
    // k1 really was sent twice (same key), and applied once.
    expect(suite.server.received.filter((r) => r.body === 'k1').length).toBe(2);
    expectOnceEach(['k1', 'k2', 'k3']);
  });

  it('retries 503s until a 200, honours Retry-After, and keeps a 422 as a dead letter until retry(id)', async () => {
    const context = await newContext();
    const page = await open(context);
    await context.setOffline(true);
    await queueOffline(page, ['flaky']);
    suite.server.plan = [{ status: 503, headers: { 'Retry-After': '1' } }, { status: 503 }];
    const start = Date.now();
    await context.setOffline(false);
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'flaky applied');
    expect(suite.server.received.filter((r) => r.body === 'flaky').length).toBe(3);
    expect(Date.now() - start).toBeGreaterThanOrEqual(1000);
    expectOnceEach(['flaky']);

    suite.server.reset();
    await context.setOffline(true);
    await queueOffline(page, ['invalid']);
    suite.server.plan = [
      { status: 422, body: '{"error":"title is required","token":"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}' },
    ];
    await context.setOffline(false);
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1);
    const [letter] = (await snapshot(page)).dead;
    expect(letter).toMatchObject({ method: 'POST', status: 422, reason: 'rejected' });
    // Its offline attempts count too.
    expect(letter!.attempts).toBeGreaterThanOrEqual(1);
    expect(letter!.excerpt).toContain('title is required');
    expect(letter!.excerpt).not.toContain('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
    // Visible through useOfflineQueue (the page renders its dead letters) and the banner.
    await page.locator('li[data-status="422"]').waitFor();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('could not be sent: 1');
    // And captured like any error.
    await page.waitForFunction(() =>
      window.captured.some((c) => c.code === 'HTTP_422' && c.source === 'queue'),
    );
    expect(suite.server.applied).toEqual([]);
    expect(await page.evaluate((id) => window.outbox.retry(id), letter!.id)).toBe(true);
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'invalid applied after retry');
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 0);
    expectOnceEach(['invalid']);
  });

  it('pauses on a 401 and sends nothing more until resume()', async () => {
    const context = await newContext();
    const page = await open(context);
    await context.setOffline(true);
    await queueOffline(page, ['auth1', 'auth2']);
    suite.server.plan = [{ status: 401 }];
    await context.setOffline(false);
    await page.waitForFunction(() => window.outbox.getSnapshot().paused);
    await page.waitForFunction(() => window.captured.some((c) => c.code === 'HTTP_401'));
    // Triggers while paused send nothing.
    await page.evaluate(() => window.outbox.replay());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(suite.server.received.length).toBe(1);
    expect(suite.server.applied).toEqual([]);
    await page.evaluate(() => window.outbox.resume());
    await waitFor(() => suite.server.applied.length === 2, 10_000, '2 applied after resume');
    expect(suite.server.applied).toEqual(['auth1', 'auth2']);
    expectOnceEach(['auth1', 'auth2']);
    expect((await snapshot(page)).paused).toBe(false);
  });

  it('delivers a POST made during a replay after the ones already waiting', async () => {
    const context = await newContext();
    const page = await open(context);
    await context.setOffline(true);
    await queueOffline(page, ['q1', 'q2', 'q3']);
    suite.server.plan = [
      { status: 200, delayMs: 500 },
      { status: 200, delayMs: 500 },
      { status: 200, delayMs: 500 },
    ];
    await context.setOffline(false);
    await waitFor(() => suite.server.received.length === 1, 10_000, 'replay running');
    const late = await post(page, 'late');
    expect(late.status).toBe(202);
    await waitFor(() => suite.server.applied.length === 4, 10_000, '4 applied');
    expect(suite.server.applied).toEqual(['q1', 'q2', 'q3', 'late']);
    expectOnceEach(['q1', 'q2', 'q3', 'late']);
  });

  it('replays within 2 s of coming back online without Background Sync', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      delete (window as { SyncManager?: unknown }).SyncManager;
    });
    const page = await open(context, '?nosync');
    expect(await page.evaluate(() => 'SyncManager' in window)).toBe(false);
    await context.setOffline(true);
    await queueOffline(page, ['nosync']);
    // Let the worker's own first retry fail, so its next one is a minute away.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await context.setOffline(false);
    const back = Date.now();
    await waitFor(() => suite.server.applied.length === 1, 2000, 'applied within 2 s');
    expect(Date.now() - back).toBeLessThan(2000);
    expectOnceEach(['nosync']);
  });

  it('sends each entry once when two tabs come back online together', async () => {
    const context = await newContext();
    const first = await open(context);
    const second = await open(context);
    await context.setOffline(true);
    await queueOffline(first, ['t1', 't2']);
    await queueOffline(second, ['t3']);
    await context.setOffline(false);
    await Promise.all([
      first.evaluate(() => window.outbox.replay()),
      second.evaluate(() => window.outbox.replay()),
    ]);
    await waitFor(() => suite.server.applied.length === 3, 10_000, '3 applied');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(suite.server.applied).toEqual(['t1', 't2', 't3']);
    for (const body of ['t1', 't2', 't3'])
      expect(suite.server.received.filter((r) => r.body === body).length).toBe(1);
    expectOnceEach(['t1', 't2', 't3']);
  });

  it('answers a storage failure with a clear error, not a 202, and capture hears of it', async () => {
    const context = await newContext();
    const page = await open(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: suite.server.origin, quotaSize: 1024 });
    await context.setOffline(true);
    const result = await page.evaluate(() => window.post('x'.repeat(200_000)));
    expect(result.status).toBe(507);
    expect(result.queued).toBeNull();
    expect(result.queueError).toBe('quota-exceeded');
    expect(JSON.parse(result.text)).toMatchObject({
      error: 'bulwark-outbox-storage',
      problem: 'quota-exceeded',
    });
    await page.waitForFunction(() => window.captured.some((c) => c.code === 'OUTBOX_QUOTA_EXCEEDED'));
    expect((await snapshot(page)).pending).toBe(0);
    await context.setOffline(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(suite.server.applied).toEqual([]);
  });
});
