// useNetworkStatus's probe against a real HTTP server on 127.0.0.1 (Node's fetch under jsdom).
// The browser-level behaviour (navigator.onLine true, probe failing) is in test/offline/network-probe.test.ts.
import { renderHook } from '@testing-library/react';
import { createNetworkStatus, useNetworkStatus } from 'bulwark';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let origin = '';
const hits: Record<string, number> = {};
const server = createServer((request, response) => {
  const path = request.url ?? '/';
  hits[path] = (hits[path] ?? 0) + 1;
  if (path === '/down') return void request.socket.destroy();
  if (path === '/portal') return void response.writeHead(511).end();
  response.writeHead(204).end();
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('useNetworkStatus with a probe URL', () => {
  it('does not ping-pong when two probes disagree (one endpoint down, one up)', async () => {
    const status = createNetworkStatus(() => undefined);
    const changes: boolean[] = [];
    status.subscribe((online) => changes.push(online));
    const a = renderHook(() => useNetworkStatus({ probeUrl: `${origin}/down`, status }));
    const b = renderHook(() => useNetworkStatus({ probeUrl: `${origin}/up`, status }));
    await sleep(1000);
    a.unmount();
    b.unmount();
    // One probe each on mount (the interval is 30 s): at most two verdicts, not a loop.
    expect((hits['/down'] ?? 0) + (hits['/up'] ?? 0)).toBeLessThanOrEqual(4);
    expect(changes.length).toBeLessThan(3);
  });

  it('reads a captive portal’s 511 Network Authentication Required as offline', async () => {
    const status = createNetworkStatus(() => undefined);
    const hook = renderHook(() => useNetworkStatus({ probeUrl: `${origin}/portal`, status }));
    await expect.poll(() => hook.result.current, { timeout: 3000 }).toBe(false);
    hook.unmount();
  });
});
