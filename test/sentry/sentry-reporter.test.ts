import * as Sentry from '@sentry/react';
import { AppError, createResilience, type Reporter } from 'bulwark/core';
import { bulwarkSentryOptions, createSentryReporter, SENTRY_LEVELS } from 'bulwark/sentry';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(async () => {
  vi.restoreAllMocks();
  await Sentry.close(100);
});

describe('createSentryReporter', () => {
  it('sends the redacted error with bulwark’s fingerprint, level, tags and occurrence count', () => {
    const captureException = vi.fn(() => 'id');
    const resilience = createResilience({
      reporters: [createSentryReporter({ Sentry: { captureException }, tags: { app: 'shop' } })],
      reporting: { rateLimit: { perFingerprintMs: 0 } },
    });
    resilience.capture(new AppError('checkout down', { kind: 'server', severity: 'critical', code: 'DOWN' }));
    const record = resilience.capture(
      new AppError('checkout down', { kind: 'server', severity: 'critical', code: 'DOWN' }),
      {
        feature: 'checkout',
        tags: { region: 'eu' },
      },
    );
    expect(captureException).toHaveBeenCalledTimes(2);
    const [error, context] = captureException.mock.calls[1] as unknown as [AppError, Record<string, unknown>];
    expect(error.message).toBe('checkout down');
    expect(context).toMatchObject({
      fingerprint: [record.fingerprint],
      level: 'fatal',
      tags: {
        app: 'shop',
        region: 'eu',
        'bulwark.kind': 'server',
        'bulwark.severity': 'critical',
        'bulwark.feature': 'checkout',
      },
      contexts: { bulwark: { count: 2 } },
    });
    expect(SENTRY_LEVELS).toEqual({ info: 'info', warning: 'warning', error: 'error', critical: 'fatal' });
  });

  it('cannot break capture when Sentry throws, rejects or never settles', async () => {
    const failures: unknown[] = [];
    const throwing = createSentryReporter({
      Sentry: {
        captureException: () => {
          throw new Error('sentry exploded');
        },
      },
    });
    const rejecting: Reporter = { name: 'rejecting', report: () => Promise.reject(new Error('offline')) };
    const hanging: Reporter = { name: 'hanging', report: () => new Promise<void>(() => {}) };
    const resilience = createResilience({
      reporters: [throwing, rejecting, hanging],
      reporting: { onReporterError: (error) => failures.push(error), rateLimit: { perFingerprintMs: 0 } },
    });
    const first = resilience.capture(new Error('one'));
    const second = resilience.capture(new Error('two'));
    expect([first.error.message, second.error.message]).toEqual(['one', 'two']);
    await vi.waitFor(() => expect(failures).toHaveLength(4));
    expect(resilience.store.getState().records).toHaveLength(2);
  });

  it('keeps the page working when the transport rejects or never settles, and when a hook throws', async () => {
    const hanging = bulwarkSentryOptions({
      Sentry,
      transport: () => ({ send: () => new Promise(() => {}), flush: () => Promise.resolve(true) }),
      beforeSend: () => {
        throw new Error('app hook broke');
      },
    });
    Sentry.init({ dsn: 'http://key@127.0.0.1:9/1', ...hanging });
    expect(() => Sentry.captureException(new Error('a'))).not.toThrow();
    await Sentry.close(100);
    const rejecting = bulwarkSentryOptions({
      Sentry,
      transport: () => ({
        send: () => Promise.reject(new Error('down')),
        flush: () => Promise.resolve(true),
      }),
    });
    Sentry.init({ dsn: 'http://key@127.0.0.1:9/1', ...rejecting });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      expect(() => Sentry.captureException(new Error('b'))).not.toThrow();
      await Sentry.flush(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('defaults turn off what Sentry 11 collects and an app rarely needs, and can be loosened', () => {
    const strict = bulwarkSentryOptions({ Sentry });
    expect(strict.dataCollection).toMatchObject({
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      urlQueryParams: false,
      httpBodies: [],
    });
    expect(Object.keys(strict)).not.toContain('noiseCounts');
    const loose = bulwarkSentryOptions({ Sentry, dataCollection: { urlQueryParams: true } });
    expect(loose.dataCollection).toMatchObject({ urlQueryParams: true, cookies: false });
  });
});
