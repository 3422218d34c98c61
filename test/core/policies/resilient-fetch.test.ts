// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constant, createResilience, isAppError, resilientFetch } from 'bulwark/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/** Answers each request with the next scripted [status, headers] for its path, then 200. */
const scripts = new Map<string, [number, Record<string, string>?][]>();
const hits = new Map<string, string[]>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = request.url ?? '/';
    hits.set(path, [...(hits.get(path) ?? []), request.method ?? '']);
    // `/hang…` never answers: a request that only a deadline or a signal ends.
    if (path.startsWith('/hang')) return;
    const [status, headers] = scripts.get(path)?.shift() ?? [200];
    response.writeHead(status, { 'content-type': 'text/plain', ...headers });
    response.end(status === 200 ? 'fine' : `failed ${status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);
beforeEach(() => {
  scripts.clear();
  hits.clear();
});

const fast = { backoff: constant(1) };

describe('resilientFetch against a real server', () => {
  it('retries a 503 and answers the 200 that follows', async () => {
    scripts.set('/flaky', [[503]]);
    const response = await resilientFetch(`${base}/flaky`, { retry: fast });
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toBe('fine');
    expect(hits.get('/flaky')).toEqual(['GET', 'GET']);
  });

  it('waits what Retry-After asks (capped by maxRetryAfterMs)', async () => {
    scripts.set('/busy', [[429, { 'Retry-After': '1' }]]);
    const onRetry = vi.fn();
    await resilientFetch(`${base}/busy`, { retry: { ...fast, maxRetryAfterMs: 20, onRetry } });
    expect(onRetry.mock.calls[0]?.[0].delayMs).toBe(20);
    expect(hits.get('/busy')).toHaveLength(2);
  });

  it('does not retry a POST, and throws an HttpError for its 503', async () => {
    scripts.set('/orders', [[503]]);
    const error: unknown = await resilientFetch(`${base}/orders`, {
      method: 'POST',
      body: '{}',
      retry: fast,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ isHttpError: true, status: 503 });
    expect(hits.get('/orders')).toEqual(['POST']);
  });

  it('retries a POST that carries an Idempotency-Key or is marked idempotent', async () => {
    scripts.set('/keyed', [[503]]);
    scripts.set('/marked', [[503]]);
    const keyed = { method: 'POST', headers: { 'Idempotency-Key': 'k1' }, retry: fast };
    await expect(resilientFetch(`${base}/keyed`, keyed)).resolves.toHaveProperty('status', 200);
    await expect(
      resilientFetch(`${base}/marked`, { method: 'POST', idempotent: true, retry: fast }),
    ).resolves.toHaveProperty('status', 200);
    expect(hits.get('/keyed')).toEqual(['POST', 'POST']);
    expect(hits.get('/marked')).toEqual(['POST', 'POST']);
  });

  it('does not retry a 404 and reports the final failure once through capture', async () => {
    scripts.set('/missing', [[404]]);
    const capture = vi.fn();
    await expect(resilientFetch(`${base}/missing`, { retry: fast }, { capture })).rejects.toMatchObject({
      status: 404,
    });
    expect(hits.get('/missing')).toHaveLength(1);
    expect(capture).toHaveBeenCalledTimes(1);
    expect(capture.mock.calls[0]?.[1]).toMatchObject({
      source: 'policy',
      attempts: 1,
      tags: { method: 'GET' },
    });
  });

  it('reports the attempts made when it gives up', async () => {
    scripts.set('/down', [[503], [503], [503]]);
    const capture = vi.fn();
    await expect(resilientFetch(`${base}/down`, { retry: fast }, { capture })).rejects.toMatchObject({
      status: 503,
    });
    expect(capture.mock.calls[0]?.[1]).toMatchObject({ attempts: 3 });
  });

  it('turns a refused connection into an AppError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error: unknown = await resilientFetch(`http://127.0.0.1:${port}/`, { retry: false }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(error)).toBe(true);
  });

  it('aborts a slow attempt after timeoutMs', async () => {
    const slow = createServer((_request, response) => setTimeout(() => response.end('late'), 2000));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    await expect(resilientFetch(url, { timeoutMs: 50, retry: false })).rejects.toMatchObject({
      kind: 'timeout',
    });
    slow.closeAllConnections();
    await new Promise<void>((resolve) => slow.close(() => resolve()));
  });
});

describe('resilience.fetch', () => {
  it('uses the instance’s breaker by name and sends the final failure through its capture', async () => {
    const resilience = createResilience({ breakers: { failureThreshold: 2 } });
    scripts.set('/api', [[503], [503], [503]]);
    await expect(resilience.fetch(`${base}/api`, { breaker: 'api', retry: fast })).rejects.toMatchObject({
      kind: 'circuit-open',
    });
    expect(hits.get('/api')).toHaveLength(2);
    expect(resilience.breaker('api').getSnapshot().state).toBe('open');
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(1);
    expect(records[0]?.error.kind).toBe('circuit-open');
    expect(resilience.degradation.getSnapshot()).toMatchObject({
      level: 'reduced',
      cause: 'breaker',
      reason: 'api',
    });
  });
});

describe('resilientFetch respects the caller’s time', () => {
  it('fails a 503 asking Retry-After: 120 at once when that wait would pass the deadline (timeoutMs 8000)', async () => {
    scripts.set('/maintenance', [[503, { 'Retry-After': '120' }]]);
    const resilience = createResilience();
    const started = Date.now();
    const error: unknown = await resilience
      .fetch(`${base}/maintenance`, { timeoutMs: 8000 })
      .catch((e: unknown) => e);
    // The default deadline is 8000 × 3 attempts = 24 s, and even the 30 s cap of maxRetryAfterMs is past it.
    expect(error).toMatchObject({ isHttpError: true, status: 503, retryAfterMs: 120_000 });
    expect(hits.get('/maintenance')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(8000); // generous: it does not wait at all
    expect(resilience.store.getState().records[0]?.error).toMatchObject({ status: 503 });
  });

  it('waits a Retry-After that ends before the deadline', async () => {
    scripts.set('/busy-short', [[503, { 'Retry-After': '1' }]]);
    const response = await resilientFetch(`${base}/busy-short`, { deadlineMs: 10_000 });
    expect(response.status).toBe(200);
    expect(hits.get('/busy-short')).toHaveLength(2);
  });

  it('aborts the running attempt when deadlineMs passes, with kind timeout', async () => {
    const error: unknown = await resilientFetch(`${base}/hang-deadline`, {
      deadlineMs: 100,
      retry: fast,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
  });

  it('classifies a request given AbortSignal.timeout() as a timeout, and captures it', async () => {
    const resilience = createResilience();
    const error: unknown = await resilience
      .fetch(`${base}/hang-signal`, { signal: AbortSignal.timeout(100) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout', severity: 'warning' });
    resilience.flush();
    expect(resilience.store.getState().records.map((r) => r.error.kind)).toEqual(['timeout']);
  });

  it('still neither reports nor calls a timeout what the caller aborted', async () => {
    const resilience = createResilience();
    const controller = new AbortController();
    const call = resilience.fetch(`${base}/hang-abort`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
    resilience.flush();
    expect(resilience.store.getState().records).toEqual([]);
  });
});

describe('resilientFetch: an abort is an abort, whoever holds the signal', () => {
  it('stops when the signal of a Request object aborts, with kind aborted', async () => {
    const controller = new AbortController();
    const capture = vi.fn();
    const call = resilientFetch(
      new Request(`${base}/hang-request`, { signal: controller.signal }),
      {},
      { capture },
    );
    setTimeout(() => controller.abort(), 50);
    const outcome = await Promise.race([
      call.then(
        () => 'resolved',
        (e: unknown) => (e as { kind?: string }).kind,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still running'), 1000)),
    ]);
    expect({ outcome, captured: capture.mock.calls.length }).toEqual({ outcome: 'aborted', captured: 0 });
  });

  it('calls a POST aborted with a custom Error reason aborted, and does not capture it', async () => {
    const capture = vi.fn();
    const controller = new AbortController();
    const call = resilientFetch(
      `${base}/hang-post`,
      { method: 'POST', signal: controller.signal },
      { capture },
    );
    setTimeout(() => controller.abort(new Error('user left the page')), 50);
    const error = (await call.catch((e: unknown) => e)) as { kind?: string };
    expect({ kind: error.kind, captured: capture.mock.calls.length }).toEqual({
      kind: 'aborted',
      captured: 0,
    });
  });

  it('calls a GET aborted with a string reason aborted, and does not capture it', async () => {
    const capture = vi.fn();
    const controller = new AbortController();
    const call = resilientFetch(
      `${base}/hang-string`,
      { signal: controller.signal, retry: false },
      { capture },
    );
    setTimeout(() => controller.abort('navigated'), 50);
    const error = (await call.catch((e: unknown) => e)) as { kind?: string };
    expect({ kind: error.kind, captured: capture.mock.calls.length }).toEqual({
      kind: 'aborted',
      captured: 0,
    });
  });
});

describe('resilientFetch: time bounds past setTimeout’s 2^31 − 1 ms', () => {
  it('does not time out at once with timeoutMs of 30 days', async () => {
    const response = await resilientFetch(`${base}/month`, { timeoutMs: 30 * 24 * 3600 * 1000 });
    expect(response.status).toBe(200);
  });

  it('does not time out at once with deadlineMs Infinity', async () => {
    const response = await resilientFetch(`${base}/forever`, { deadlineMs: Infinity });
    expect(response.status).toBe(200);
  });
});

describe('resilience.fetch and the app’s rules', () => {
  it('rejects with the very error the app rules classified and the store records', async () => {
    const resilience = createResilience({
      rules: [
        {
          name: 'maintenance',
          match: { status: 503 },
          classification: { kind: 'server', messageKey: 'maintenance' },
        },
      ],
    });
    scripts.set('/maintenance', [[503]]);
    const thrown = (await resilience
      .fetch(`${base}/maintenance`, { retry: false })
      .catch((e: unknown) => e)) as {
      messageKey?: string;
    };
    resilience.flush();
    const [record] = resilience.store.getState().records;
    expect({
      thrown: thrown.messageKey,
      recorded: record?.error.messageKey,
      same: thrown === record?.error,
    }).toEqual({
      thrown: 'maintenance',
      recorded: 'maintenance',
      same: true,
    });
  });
});
