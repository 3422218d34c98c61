import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFaultyFetch, failTimes } from 'bulwark/testing';

afterEach(() => vi.useRealTimers());

describe('createFaultyFetch', () => {
  it('plays its script in order, then passes through', async () => {
    const fetch = createFaultyFetch({
      script: [{ status: 503, headers: { 'retry-after': '2' } }, 'network-error'],
    });
    const first = await fetch('/a');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('2');
    await expect(fetch('/a')).rejects.toThrow(new TypeError('Failed to fetch'));
    expect((await fetch('/a')).status).toBe(200);
    expect(fetch.calls).toBe(3);
  });

  it('waits its latency on a timer', async () => {
    vi.useFakeTimers();
    const fetch = createFaultyFetch({ latencyMs: 1000 });
    let settled = false;
    const pending = fetch('/a').then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(settled).toBe(true);
  });

  it('rejects a hanging request when its signal aborts', async () => {
    const fetch = createFaultyFetch({ script: ['hang'] });
    const controller = new AbortController();
    const pending = fetch('/a', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('failTimes', () => {
  it('rejects the first n calls with the given value, then resolves', async () => {
    const flaky = failTimes(2, 'nope', async (x: number) => x * 2);
    await expect(flaky(1)).rejects.toBe('nope');
    await expect(flaky(1)).rejects.toBe('nope');
    await expect(flaky(2)).resolves.toBe(4);
  });
});
