// What every offline-queue test file shares: the bundled fixtures served by one real server on
// 127.0.0.1, one Chromium, and helpers that assert each body was applied exactly once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium';
import { bundle, startServer, type ApiServer } from './harness';

declare global {
  interface Window {
    outbox: import('bulwark').RegisteredOfflineQueue;
    captured: {
      message: string;
      code: string | undefined;
      source: string | undefined;
      userAction: string | undefined;
    }[];
    post: (
      body: string,
      headers?: Record<string, string>,
    ) => Promise<{
      status: number;
      queued: string | null;
      queueError: string | null;
      text: string;
    }>;
    controlled: () => boolean;
  }
}

const fixtures = new URL('./fixtures/', import.meta.url).pathname;
const html =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Offline queue test</title></head>' +
  '<body><main id="root"></main><script type="module" src="/page.js"></script></body></html>';

/** The suite's server, browser and served files (a test may swap `/sw.js` for an update, then put it back). */
export interface Suite {
  server: ApiServer;
  browser: Browser;
  files: Record<string, [string, string]>;
  /** A fresh browser context, closed after the file. */
  newContext: () => Promise<BrowserContext>;
}

/** Starts the server and Chromium for the calling test file; closes them after it. */
export function startSuite(): Suite {
  const contexts: BrowserContext[] = [];
  const suite = {
    files: {},
    async newContext() {
      const context = await suite.browser.newContext();
      contexts.push(context);
      return context;
    },
  } as Suite;
  beforeAll(async () => {
    const [page, sw] = await Promise.all([bundle(`${fixtures}page.tsx`), bundle(`${fixtures}sw.ts`)]);
    suite.files = {
      '/': ['text/html', html],
      '/page.js': ['text/javascript', page],
      '/sw.js': ['text/javascript', sw],
      // Where a server with an expired session redirects a write.
      '/login': ['text/html', '<!doctype html><title>Sign in</title><p>Sign in</p>'],
    };
    suite.server = await startServer(suite.files);
    suite.browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
      headless: true,
    });
  }, 60_000);
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await suite.browser?.close();
    await suite.server?.close();
  });
  beforeEach(() => suite.server.reset());
  return suite;
}

/** Opens the page and waits until the worker controls it. */
export async function open(suite: Suite, context: BrowserContext, search = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${suite.server.origin}/${search}`);
  await page.waitForFunction(() => window.controlled(), undefined, { timeout: 10_000 });
  return page;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition') {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const post = (page: Page, body: string, headers?: Record<string, string>) =>
  page.evaluate(([b, h]) => window.post(b, h), [body, headers] as const);
export const snapshot = (page: Page) => page.evaluate(() => window.outbox.getSnapshot());

/** Every body applied exactly once, and always sent with one and the same key. */
export function expectOnceEach(server: ApiServer, bodies: string[]) {
  for (const body of bodies) {
    expect(server.appliedCount(body), `applied ${body}`).toBe(1);
    const keys = server.keysOf(body);
    expect(keys.size, `keys of ${body}`).toBe(1);
    expect([...keys][0]).toMatch(/.{8,}/);
  }
}

/** Queues bodies while offline; each must be answered 202 with its entry id. */
export async function queueOffline(page: Page, bodies: string[], headers?: Record<string, string>) {
  for (const body of bodies) {
    const result = await post(page, body, headers);
    expect(result.status, body).toBe(202);
    expect(result.queued).toMatch(/^[0-9a-f-]{36}$/);
  }
}

/**
 * An API on another origin for the calling test file: `handle` serves it on 127.0.0.1, reached as `localhost`
 * (another origin than the pages' 127.0.0.1). Started before the file's tests, closed after them.
 */
export function startOtherOrigin(handle: (request: IncomingMessage, response: ServerResponse) => void): {
  readonly origin: string;
} {
  const other = { origin: '' };
  let server: Server | undefined;
  beforeAll(async () => {
    const started = createServer(handle);
    server = started;
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    other.origin = `http://localhost:${(started.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  });
  return other;
}
