// Issue 13's break-it findings F9–F12 on the caps and "one event per error", with a real @sentry/react posting to
// an ingest stand-in on 127.0.0.1: the caps must hold however the app composes `Sentry.init`.
import * as Sentry from '@sentry/react';
import { createResilience, installGlobalHandlers } from 'bulwark/core';
import { bulwarkSentryOptions, createSentryReporter } from 'bulwark/sentry';
import { describe, expect, it } from 'vitest';
import { serveEnvelopesPerFile } from '../helpers/envelope-server';

interface ReceivedEvent {
  level?: string;
  message?: string;
  exception?: { values?: { value?: string; mechanism?: { type?: string } }[] };
  fingerprint?: string[];
  contexts?: Record<string, Record<string, unknown>>;
  breadcrumbs?: unknown[];
}

const server = serveEnvelopesPerFile(Sentry);

const events = () => server.items('event') as ReceivedEvent[];
const valueOf = (event: ReceivedEvent) => event.exception?.values?.at(-1)?.value ?? event.message;

describe('the caps with a real @sentry/react', () => {
  it('lets a fatal error through after a storm of errors used up their session cap, and says how many were dropped (F9)', async () => {
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry, maxEventsPerSession: 5 }) });
    // Distinct fingerprints: each one a different error, so only the session cap holds them back.
    for (let i = 0; i < 12; i++)
      Sentry.captureException(new Error('lookup failed'), { fingerprint: [`f${i}`] });
    Sentry.captureException(new Error('Payment provider down'), {
      level: 'fatal',
      fingerprint: ['payments-down'],
    });
    await Sentry.flush(5000);
    const sent = events();
    expect(sent.filter((e) => e.level === 'error')).toHaveLength(5);
    const fatal = sent.find((e) => e.level === 'fatal');
    expect(fatal && valueOf(fatal)).toBe('Payment provider down');
    expect(fatal?.contexts?.bulwark_caps).toEqual({ overSessionCap: { error: 7 } });
  });

  it('sends a handful of events for a storm of errors that differ only in ids, numbers and URLs (F10)', async () => {
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
    for (let i = 0; i < 300; i++) {
      Sentry.captureException(new Error(`Order ${i} not found`));
      const id = `${(0x1000_0000 + i * 7919).toString(16)}-4a2b-9c3d-${i}`;
      Sentry.captureException(new Error(`GET https://api.example.com/carts/${id}?page=${i} failed`));
    }
    Sentry.captureException(new Error('Order lookup timed out'));
    await Sentry.flush(5000);
    const sent = events().map(valueOf);
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent).toEqual([
      'Order 0 not found',
      'GET https://api.example.com/carts/10000000-4a2b-9c3d-0 failed',
      'Order lookup timed out',
    ]);
  }, 60_000);

  it('keeps the caps and the noise filter when the app puts its own beforeSend after the spread (F11)', async () => {
    const bulwark = bulwarkSentryOptions({ Sentry });
    const seenByApp: string[] = [];
    Sentry.init({
      dsn: server.dsn,
      ...bulwark,
      beforeSend: (event) => {
        seenByApp.push(String(event.message ?? event.exception?.values?.at(-1)?.value));
        return event;
      },
    });
    for (let i = 0; i < 20; i++) Sentry.captureMessage(`disk ${i}`, { fingerprint: ['disk'] });
    Sentry.captureException(new Error('ResizeObserver loop limit exceeded'));
    Sentry.captureException(new Error('Refund failed: api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc'));
    await Sentry.flush(5000);
    // The app's hook replaced bulwark's and saw all 22; the transport gated them instead.
    expect(seenByApp).toHaveLength(22);
    expect(events().map(valueOf)).toEqual(['disk 0', 'Refund failed: api_key=[REDACTED]']);
    expect(bulwark.noiseCounts()).toMatchObject({ 'resize-observer': 1 });
  });

  it('runs the app’s beforeSend passed to bulwarkSentryOptions after bulwark’s, with the hint, and gates once', async () => {
    const hints: unknown[] = [];
    const thrown = new Error('Charge failed for ada.lovelace@example.com');
    Sentry.init({
      dsn: server.dsn,
      ...bulwarkSentryOptions({
        Sentry,
        beforeSend: (event, hint) => {
          hints.push(hint.originalException);
          return { ...event, tags: { ...event.tags, checked: 'yes' } };
        },
      }),
    });
    Sentry.captureException(thrown);
    await Sentry.flush(5000);
    expect(hints).toEqual([thrown]);
    const [event] = events() as (ReceivedEvent & { tags?: Record<string, string> })[];
    expect(event && valueOf(event)).toBe('Charge failed for [REDACTED]');
    expect(event?.tags).toMatchObject({ checked: 'yes' });
  });
});

describe('one event per window error', () => {
  // What a browser does for one uncaught error: the `window.onerror` slot (Sentry's hook) and the 'error'
  // listeners (bulwark's global handlers).
  // Sentry's instrumentation owns `window.onerror` from the first `init` on, for every later client.
  const at = { filename: 'http://localhost:3000/app.js', lineno: 1, colno: 1 };
  const throwOnWindow = (error: Error) => {
    window.onerror?.(error.message, at.filename, at.lineno, at.colno, error);
    window.dispatchEvent(new ErrorEvent('error', { error, message: error.message, ...at }));
  };

  it('arrives once when an integrations array after the spread re-installs Sentry’s global handlers (F12)', async () => {
    Sentry.init({
      dsn: server.dsn,
      ...bulwarkSentryOptions({ Sentry }),
      integrations: [Sentry.dedupeIntegration()],
    });
    expect(Sentry.getClient()?.getIntegrationByName('GlobalHandlers')).toBeDefined();
    const resilience = createResilience({ reporters: [createSentryReporter({ Sentry })] });
    const uninstall = installGlobalHandlers(resilience);
    try {
      throwOnWindow(new Error('Cart total is NaN'));
      resilience.flush();
      await Sentry.flush(5000);
    } finally {
      uninstall();
    }
    const sent = events();
    expect(sent.map(valueOf)).toEqual(['Cart total is NaN']);
    expect(sent[0]?.fingerprint).toEqual([resilience.store.getState().records[0]!.fingerprint]);
  });

  it('keeps Sentry’s own global-handler events with sentryGlobalHandlers: true (bulwark’s not installed)', async () => {
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry, sentryGlobalHandlers: true }) });
    expect(Sentry.getClient()?.getIntegrationByName('GlobalHandlers')).toBeDefined();
    // No bulwark listener here: only Sentry's `window.onerror` slot sees it.
    const error = new Error('Cart total is NaN');
    window.onerror?.(error.message, at.filename, at.lineno, at.colno, error);
    await Sentry.flush(5000);
    const sent = events();
    expect(sent.map(valueOf)).toEqual(['Cart total is NaN']);
    expect(sent[0]?.exception?.values?.at(-1)?.mechanism?.type).toBe('auto.browser.global_handlers.onerror');
  });
});
