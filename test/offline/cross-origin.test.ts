// A cross-origin API whose CORS rules do not allow `Idempotency-Key` (break-it F9 of issue 12): the
// page on 127.0.0.1, the API on localhost (another origin), real Chromium. Online, the worker must not
// answer "queued" for a request the browser refuses; queued, it must not be retried in vain forever.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { open, startOtherOrigin, startSuite, waitFor } from './suite';

const suite = startSuite();

/** The other origin's API: simple CORS requests always; `Idempotency-Key` only when `allowKey`. */
let allowKey = false;
let received: { body: string; key: string | undefined }[] = [];
/** POSTs whose connection the API drops before answering, as a network that has just come back may. */
let dropPosts = 0;
/** Every connection closed at once, answering nothing (HEAD included): a server that is down. */
let down = false;
/** Requests the API got while `down`, and when the last one came. */
let downHits = 0;
let lastHitAt = 0;

const api = startOtherOrigin((request, response) => {
  const cors: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
  if (down) {
    downHits++;
    lastHitAt = Date.now();
    return void request.socket.destroy();
  }
  if (request.method === 'OPTIONS') {
    if (allowKey) cors['Access-Control-Allow-Headers'] = 'Idempotency-Key, Content-Type';
    return void response.writeHead(204, cors).end();
  }
  if (request.method !== 'POST') return void response.writeHead(204, cors).end();
  if (dropPosts > 0) {
    dropPosts--;
    // Bytes that are no HTTP answer: Chromium sends a request again by itself when a connection closes
    // with no answer at all, not after a broken one.
    return void request.socket.end('broken\r\n\r\n');
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    received.push({ body, key: request.headers['idempotency-key'] as string | undefined });
    response.writeHead(200, { ...cors, 'Content-Type': 'text/plain' }).end('ok');
  });
});
beforeEach(() => {
  allowKey = false;
  dropPosts = 0;
  down = false;
  downHits = 0;
  received = [];
});

/** A POST from the page to the other origin: its status and queue header, or -1 when fetch rejected. */
const postAcross = (page: Page, body: string, headers: Record<string, string> = {}) =>
  page.evaluate(
    async ([url, b, h]) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          body: b,
          headers: { 'Content-Type': 'text/plain', ...h },
        });
        return { status: response.status, queued: response.headers.get('Bulwark-Queued') };
      } catch {
        return { status: -1, queued: null };
      }
    },
    [`${api.origin}/api/items`, body, headers] as const,
  );

describe('a cross-origin API and the Idempotency-Key header (real Chromium, two origins)', () => {
  it('sends a simple cross-origin POST as the app made it: 200, not "queued" while online', async () => {
    const page = await open(suite, await suite.newContext());
    expect(await postAcross(page, 'across')).toEqual({ status: 200, queued: null });
    expect(received).toEqual([{ body: 'across', key: undefined }]);
  });

  it('fails a request whose own key the CORS rules refuse, while online, as it would without the worker', async () => {
    const page = await open(suite, await suite.newContext());
    const result = await postAcross(page, 'app key', { 'Idempotency-Key': 'app-1' });
    expect(result).toEqual({ status: -1, queued: null });
    expect(received).toEqual([]);
    expect((await page.evaluate(() => window.outbox.getSnapshot())).pending).toBe(0);
  });

  it('sends again, instead of failing as a CORS refusal, when an online send fails on the network but the server answers', async () => {
    // The same kind as below while online: the write was neither sent nor queued; the app's fetch rejected.
    allowKey = true;
    const page = await open(suite, await suite.newContext(), `?keyorigin=${encodeURIComponent(api.origin)}`);
    dropPosts = 1;
    expect(await postAcross(page, 'online flaky')).toEqual({ status: 200, queued: null });
    expect(received).toEqual([
      { body: 'online flaky', key: expect.stringMatching(/^[0-9a-f-]{36}$/) as string },
    ]);
  });

  it('adds the key for an origin in keyOrigins, queues offline, and delivers once with it', async () => {
    allowKey = true;
    const context = await suite.newContext();
    const page = await open(suite, context, `?keyorigin=${encodeURIComponent(api.origin)}`);
    await context.setOffline(true);
    const queued = await postAcross(page, 'listed');
    expect(queued.status).toBe(202);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await waitFor(() => received.length === 1, 10_000, 'delivered');
    expect(received[0]).toEqual({ body: 'listed', key: expect.stringMatching(/^[0-9a-f-]{36}$/) as string });
    await page.waitForFunction(() => window.outbox.getSnapshot().pending === 0);
  });

  it('sends again, instead of calling it a CORS refusal, when a send fails on the network but the server answers', async () => {
    // The first send after coming back online failed (the route was not usable yet) and the check a moment
    // later reached the server: that was taken for a CORS refusal, a dead letter the user had to retry (CI).
    // Queued while the server is down rather than with the browser offline: Chromium's offline switch
    // reaches the worker a moment after the page, which would fail one more send on its own.
    allowKey = true;
    const page = await open(suite, await suite.newContext(), `?keyorigin=${encodeURIComponent(api.origin)}`);
    down = true;
    expect((await postAcross(page, 'flaky')).status).toBe(202);
    // Chromium fires Background Sync for the queued entry at once: its replay must have failed whole
    // while the server was down, not send before the server comes back and check after (CI, session 10).
    // The online send made a preflight and a check; a sync attempt makes as many more. Then 300 ms quiet.
    const before = downHits;
    await waitFor(() => downHits >= before + 2 || Date.now() - lastHitAt > 2_000, 5_000, 'the sync attempt');
    await waitFor(() => Date.now() - lastHitAt > 300, 5_000, 'a quiet server');
    down = false;
    dropPosts = 1;
    await page.evaluate(() => window.outbox.replay());
    await page.waitForFunction(
      () => window.outbox.getSnapshot().pending === 0 && !window.outbox.getSnapshot().replaying,
      undefined,
      { timeout: 10_000 },
    );
    // The dead letters first: a failure then shows why the entry was given up.
    expect((await page.evaluate(() => window.outbox.getSnapshot())).dead).toEqual([]);
    expect(received).toEqual([{ body: 'flaky', key: expect.stringMatching(/^[0-9a-f-]{36}$/) as string }]);
  });

  it('turns a queued entry the CORS rules refuse into a dead letter once online, instead of retrying it forever', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, `?keyorigin=${encodeURIComponent(api.origin)}`);
    await context.setOffline(true);
    expect((await postAcross(page, 'refused later')).status).toBe(202);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1, undefined, {
      timeout: 10_000,
    });
    const { dead, pending } = await page.evaluate(() => window.outbox.getSnapshot());
    expect(pending).toBe(0);
    expect(dead[0]).toMatchObject({
      status: 0,
      reason: 'rejected',
      excerpt: expect.stringContaining('CORS') as string,
    });
    expect(received).toEqual([]);
  });
});
