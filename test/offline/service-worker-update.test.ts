// useServiceWorkerUpdate in real Chromium: a new worker waits, the hook reports it, `update()` lets it
// take over and the page reloads under it.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { open, startSuite } from './suite';

const suite = startSuite();
let original: [string, string] | undefined;

/** Serves a new version of the worker: the old one plus a `/version` answer. */
function deployNewWorker() {
  original = suite.files['/sw.js'];
  suite.files['/sw.js'] = [
    'text/javascript',
    `${original![1]}\nself.addEventListener('fetch', (event) => {\n` +
      `  if (new URL(event.request.url).pathname === '/version') event.respondWith(new Response('2'));\n});\n`,
  ];
}
afterEach(() => {
  if (original) suite.files['/sw.js'] = original;
  original = undefined;
});

const version = (page: Page) =>
  page.evaluate(async () => ((await fetch('/version')).status === 200 ? 'new' : 'old'));
const prompt = (page: Page) => page.getByRole('button', { name: 'Reload to update' });

describe('useServiceWorkerUpdate (real Chromium, real server)', () => {
  it('reports a waiting worker, and update() activates it and reloads the page under it', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, '?update');
    expect(await version(page)).toBe('old');
    expect(await prompt(page).count()).toBe(0);

    deployNewWorker();
    await page.evaluate(async () => (await window.outbox.workbox).update());
    await prompt(page).waitFor({ timeout: 10_000 });
    // Waiting, not yet in charge: the old worker still answers.
    expect(await version(page)).toBe('old');

    await page.evaluate(() => ((window as { beforeUpdate?: boolean }).beforeUpdate = true));
    const reloaded = page.waitForEvent('load', { timeout: 10_000 });
    await prompt(page).click();
    await reloaded;
    await page.waitForFunction(() => window.controlled());
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    expect(await version(page)).toBe('new');
    // The new worker is in charge: nothing waits any more, so no prompt.
    await page.waitForTimeout(500);
    expect(await prompt(page).count()).toBe(0);
  });

  it('reports a worker that was already waiting when the page opened', async () => {
    const context = await suite.newContext();
    const first = await open(suite, context, '?update');
    deployNewWorker();
    await first.evaluate(async () => (await window.outbox.workbox).update());
    await prompt(first).waitFor({ timeout: 10_000 });

    // A second tab opened now finds the new worker waiting before it registers.
    const second = await open(suite, context, '?update');
    await prompt(second).waitFor({ timeout: 5000 });
    const reloaded = second.waitForEvent('load', { timeout: 10_000 });
    await prompt(second).click();
    await reloaded;
    await second.waitForFunction(() => window.controlled());
    expect(await version(second)).toBe('new');
  });
});
