// Dead letters and a 401 pause reach capture exactly once, in real Chromium (break-it findings F6 and
// F16 of issue 12): not once per open tab, and also when they were made while no tab was open
// (Background Sync). A replay is background work: its captures carry no `userAction`.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectOnceEach, open, queueOffline, sleep, startSuite, waitFor } from './suite';

const suite = startSuite();
const captures = async (page: Page, code: string) =>
  (await page.evaluate(() => window.captured)).filter((c) => c.code === code).length;

describe('dead letters and capture (real Chromium, real server)', () => {
  it('captures a dead letter once, not once per open tab', async () => {
    const context = await suite.newContext();
    const first = await open(suite, context);
    const second = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(first, ['rejected-once']);
    suite.server.plan = [{ status: 422, body: '{"error":"nope"}' }];
    await context.setOffline(false);
    await first.evaluate(() => window.outbox.replay());
    await first.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1);
    await second.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1);
    await sleep(500);
    expect((await captures(first, 'HTTP_422')) + (await captures(second, 'HTTP_422'))).toBe(1);
  });

  it('captures a dead letter made while no tab was open when a tab opens', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['rejected-in-background']);
    suite.server.plan = [{ status: 422, body: '{"error":"nope"}' }];
    await page.close();
    // Background Sync's `sync` event replays in the worker alone.
    await context.setOffline(false);
    await waitFor(() => suite.server.received.length === 1, 15_000, 'background replay');
    await sleep(500);
    const later = await open(suite, context);
    await later.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1);
    await later.waitForFunction(() => window.captured.some((c) => c.code === 'HTTP_422'));
    expect(await captures(later, 'HTTP_422')).toBe(1);
  }, 40_000);

  it('captures a 401 pause once, not once per open tab, and again after a resume and a new 401', async () => {
    const context = await suite.newContext();
    const first = await open(suite, context);
    const second = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(first, ['needs-auth']);
    suite.server.plan = [{ status: 401 }, { status: 401 }];
    await context.setOffline(false);
    await first.evaluate(() => window.outbox.replay());
    await first.waitForFunction(() => window.outbox.getSnapshot().paused);
    await second.waitForFunction(() => window.outbox.getSnapshot().paused);
    await sleep(500);
    expect((await captures(first, 'HTTP_401')) + (await captures(second, 'HTTP_401'))).toBe(1);
    // A new pause (the sign-in did not help) is a new capture, again only one.
    await second.evaluate(() => window.outbox.resume());
    await waitFor(() => suite.server.received.length === 2, 10_000, 'second attempt');
    await first.waitForFunction(() => window.outbox.getSnapshot().paused);
    await sleep(500);
    expect((await captures(first, 'HTTP_401')) + (await captures(second, 'HTTP_401'))).toBe(2);
    await first.evaluate(() => window.outbox.resume());
    await waitFor(() => suite.server.applied.length === 1, 10_000, 'applied after resume');
    expectOnceEach(suite.server, ['needs-auth']);
  });

  it('captures what a replay meets as background work: no userAction (at most a toast)', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    await queueOffline(page, ['rejected', 'unauthorised']);
    await queueOffline(page, ['hook-fails'], { 'X-Replay-Hook': 'throw-once' });
    suite.server.plan = [{ status: 422 }, { status: 401 }];
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await page.waitForFunction(() => window.outbox.getSnapshot().paused);
    await page.evaluate(() => window.outbox.resume());
    await waitFor(() => suite.server.applied.length === 2, 15_000, 'the rest applied');
    await page.waitForFunction(() => window.captured.some((c) => c.code === 'OUTBOX_REPLAY_HOOK'));
    const queued = (await page.evaluate(() => window.captured)).filter((c) => c.source === 'queue');
    expect(queued.map((c) => c.code).sort()).toEqual(['HTTP_401', 'HTTP_422', 'OUTBOX_REPLAY_HOOK']);
    expect(queued.map((c) => c.userAction)).toEqual([undefined, undefined, undefined]);
  });
});
