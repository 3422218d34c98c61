import { describe, expect, it } from 'vitest';
import { AppError, HttpError, isHttpError, parseRetryAfter } from 'bulwark/core';

const NOW = Date.parse('Tue, 24 Nov 2026 12:00:00 GMT');

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 24 Nov 2026 12:01:30 GMT', 90_000],
    ['Tue, 24 Nov 2026 11:00:00 GMT', 0],
  ])('reads %j as %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it.each([['-5'], ['1.5'], ['soon'], ['5 minutes'], [''], [null], [undefined]])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe('HttpError', () => {
  it('is an AppError classified by the shared rules table', () => {
    const error = new HttpError({ status: 429, statusText: 'Too Many Requests', retryAfterMs: 5000 });
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      name: 'HttpError',
      message: 'HTTP 429 Too Many Requests',
      kind: 'rate-limit',
      severity: 'warning',
      retryable: true,
      code: 'HTTP_429',
      status: 429,
      retryAfterMs: 5000,
    });
    expect(new HttpError({ status: 401 })).toMatchObject({
      kind: 'auth',
      retryable: false,
      actions: ['sign-in'],
    });
    expect(new HttpError({ status: 501 })).toMatchObject({ kind: 'server', retryable: false });
  });

  it('removes secrets from the URL and the body excerpt', () => {
    const error = new HttpError({
      status: 500,
      url: 'https://api.example/orders?id=7&access_token=tok-secret-1',
      bodyExcerpt: 'failed for ada@example.com, password=pw-secret-2',
    });
    expect(error.url).toBe('https://api.example/orders?id=7&access_token=[REDACTED]');
    expect(error.bodyExcerpt).not.toMatch(/ada@example.com|pw-secret-2/);
  });

  it('applies app rules passed to it', () => {
    const error = new HttpError({
      status: 503,
      rules: [
        {
          name: 'maintenance',
          match: { status: 503 },
          classification: { kind: 'server', messageKey: 'maintenance' },
        },
      ],
    });
    expect(error.messageKey).toBe('maintenance');
  });

  it('is recognised across package copies by its marker', () => {
    expect(isHttpError(new HttpError({ status: 404 }))).toBe(true);
    expect(isHttpError({ isHttpError: true })).toBe(true);
    expect(isHttpError(new AppError('x'))).toBe(false);
  });
});

describe('HttpError.fromResponse', () => {
  it('reads status line, URL, Retry-After and a redacted JSON body with field errors', async () => {
    const body = {
      message: 'Check the form',
      errors: { email: ['Enter an email address'] },
      token: 'tok-secret-3',
    };
    const response = new Response(JSON.stringify(body), {
      status: 422,
      statusText: 'Unprocessable Entity',
      headers: { 'content-type': 'application/json', 'retry-after': '2' },
    });
    const error = await HttpError.fromResponse(response);
    expect(error).toMatchObject({ kind: 'validation', status: 422, retryAfterMs: 2000, retryable: false });
    expect(error.fieldErrors).toEqual({ email: ['Enter an email address'] });
    expect(error.bodyExcerpt).toContain('Check the form');
    expect(error.bodyExcerpt).not.toContain('tok-secret-3');
    expect(error.cause).toBe(response);
  });

  it('parses a Retry-After date against the clock', async () => {
    const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
    const error = await HttpError.fromResponse(
      new Response('', { status: 503, headers: { 'retry-after': inOneMinute } }),
    );
    expect(error.retryAfterMs).toBeGreaterThan(55_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('keeps only a bounded excerpt of a huge body', async () => {
    const error = await HttpError.fromResponse(new Response('x'.repeat(1_000_000), { status: 500 }));
    expect(error.bodyExcerpt?.length).toBe(1000);
  });

  it('does not throw when the body was already used', async () => {
    const response = new Response('gone', { status: 502 });
    await response.text();
    const error = await HttpError.fromResponse(response);
    expect(error).toMatchObject({ status: 502, kind: 'server', bodyExcerpt: undefined });
  });

  it('does not throw when reading the body fails', async () => {
    const stream = new ReadableStream({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const error = await HttpError.fromResponse(new Response(stream, { status: 500 }));
    expect(error).toMatchObject({ status: 500, kind: 'server', bodyExcerpt: undefined });
  });

  it('keeps a non-JSON body as redacted text', async () => {
    const error = await HttpError.fromResponse(
      new Response('<h1>Bad gateway</h1> user ada@example.com', { status: 502 }),
    );
    expect(error.bodyExcerpt).toBe('<h1>Bad gateway</h1> user [REDACTED]');
    expect(error.fieldErrors).toBeUndefined();
  });
});
