// useNetworkStatus's probe in real Chromium: `navigator.onLine` stays true while the probe URL fails
// (a dead route, a captive portal's black hole); the hook says offline, and online again once it answers.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { open, sleep, startSuite, waitFor } from './suite';

const suite = startSuite();
// The fixture probes `/probe` every 300 ms and gives up on an answer after 600 ms.
const shown = (page: Page) => page.getByTestId('network').textContent();

describe('useNetworkStatus with a probe URL (real Chromium, real server)', () => {
  it('says offline while the probe fails though navigator.onLine is true, and online when it recovers', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, '?probe');
    await expect.poll(() => shown(page)).toBe('online');

    suite.server.probe = 'down';
    await expect.poll(() => shown(page), { timeout: 5000 }).toBe('offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    // The banner reads the same status.
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/offline/i);

    suite.server.probe = 'up';
    await expect.poll(() => shown(page), { timeout: 5000 }).toBe('online');
  });

  it('says offline when the probe gets no answer at all, and online once it answers', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, '?probe');
    await expect.poll(() => shown(page)).toBe('online');

    suite.server.probe = 'hang';
    await expect.poll(() => shown(page), { timeout: 5000 }).toBe('offline');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);

    suite.server.probe = 'up';
    await expect.poll(() => shown(page), { timeout: 5000 }).toBe('online');
  });

  it('lets the newest probe decide: a slow one that fails later does not say offline', async () => {
    const context = await suite.newContext();
    const page = await open(suite, context, '?probe');
    await expect.poll(() => shown(page)).toBe('online');
    // Every text the indicator shows from now on.
    await page.evaluate(() => {
      const target = document.querySelector('[data-testid="network"]')!;
      const history: string[] = [];
      Object.assign(window, { history_: history });
      new MutationObserver(() => history.push(target.textContent ?? '')).observe(target, {
        subtree: true,
        characterData: true,
        childList: true,
      });
    });
    // One probe hangs (and times out 600 ms later); the ones after it are answered.
    suite.server.probe = 'hang';
    const probes = suite.server.probes;
    await waitFor(() => suite.server.probes > probes, 2000, 'a hanging probe');
    suite.server.probe = 'up';
    await sleep(1500);
    expect(await page.evaluate(() => (window as unknown as { history_: string[] }).history_)).toEqual([]);
    expect(await shown(page)).toBe('online');
  });
});
