// Break-it 11d (D1, D2): the "send once more" of sendTellingRefusal applies a cross-origin write twice when
// the request carries no Idempotency-Key (an origin not in keyOrigins, the default). Real Chromium, the page on
// 127.0.0.1, the API on localhost (another origin). Run: npx vitest run --project offline test/offline/cors-second-send.test.ts
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { open, startOtherOrigin, startSuite, waitFor } from './suite';

const suite = startSuite();

/** Every POST body the API applied (it applies a write before it answers, as servers do). */
let applied: string[] = [];
/** 'no-cors': answers without Access-Control-Allow-Origin (a server that does not allow the page's origin). */
let mode: 'no-cors' | 'reset-after-apply' = 'no-cors';
let resets = 0;

const api = startOtherOrigin((request, response) => {
  if (request.method !== 'POST') return void response.writeHead(204).end();
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    applied.push(body);
    if (mode === 'reset-after-apply' && resets > 0) {
      resets--;
      // Applied, then the connection breaks before a valid answer (a proxy or a crash mid-answer).
      return void request.socket.end('broken\r\n\r\n');
    }
    const cors: Record<string, string> = mode === 'no-cors' ? {} : { 'Access-Control-Allow-Origin': '*' };
    response.writeHead(200, { ...cors, 'Content-Type': 'text/plain' }).end('ok');
  });
});
beforeEach(() => {
  applied = [];
  mode = 'no-cors';
  resets = 0;
});

/** A simple (no preflight) cross-origin POST from the page: its status, or -1 when fetch rejected. */
const postAcross = (page: Page, body: string) =>
  page.evaluate(
    async ([url, b]) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          body: b,
          headers: { 'Content-Type': 'text/plain' },
        });
        return response.status;
      } catch {
        return -1;
      }
    },
    [`${api.origin}/api/items`, body] as const,
  );

describe('break-it 11d: the second send of a cross-origin write without an Idempotency-Key', () => {
  it('D1 online: a simple POST the server applies but whose answer CORS hides is applied once, not twice', async () => {
    const page = await open(suite, await suite.newContext());
    // Without the worker the app's fetch rejects and the server applied the write once.
    expect(await postAcross(page, 'no-cors online')).toBe(-1);
    // Give a late second send time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(applied).toEqual(['no-cors online']);
  }, 30_000);

  it('D1 replay: a queued keyless POST the server applies but whose answer CORS hides is applied once before its dead letter', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context);
    await context.setOffline(true);
    expect(await postAcross(page, 'no-cors queued')).toBe(202);
    await context.setOffline(false);
    await page.evaluate(() => window.outbox.replay());
    await page.waitForFunction(() => window.outbox.getSnapshot().dead.length === 1, undefined, {
      timeout: 15_000,
    });
    // Once, or not at all when the first send after coming back online failed before reaching the server
    // (the worker's network a moment behind the page's): without a key, that cannot be told from a
    // refusal after the server applied it, and a second send would apply it twice. Never twice.
    expect(applied.length).toBeLessThanOrEqual(1);
    expect(applied.every((body) => body === 'no-cors queued')).toBe(true);
  }, 30_000);

  it('D2 online: a keyless write applied before its connection broke is not applied a second time by the worker', async () => {
    mode = 'reset-after-apply';
    resets = 1;
    const page = await open(suite, await suite.newContext());
    await postAcross(page, 'applied then reset');
    await waitFor(() => applied.length >= 1, 5_000, 'the first send');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Whatever the app is told, the server must not apply one user action twice with no key to tell them apart.
    expect(applied).toEqual(['applied then reset']);
  }, 30_000);
});
