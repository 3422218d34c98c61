// Issue 13's break-it findings on what the transport wrapper sends: query fields (F1/F2), replays and attachments
// (F8), item lengths (F14) and app-named secrets (F7). A real @sentry/react posts to an ingest stand-in on
// 127.0.0.1, and each body is read as Sentry's Relay reads it.
import * as Sentry from '@sentry/react';
import { bulwarkSentryOptions, type BulwarkSentryOptions } from 'bulwark/sentry';
import { describe, expect, it } from 'vitest';
import { serveEnvelopesPerFile } from '../helpers/envelope-server';
import { readEnvelopeAsRelay } from './read-envelope-as-relay';

type Envelope = Parameters<NonNullable<ReturnType<typeof Sentry.getClient>>['sendEnvelope']>[0];

const server = serveEnvelopesPerFile(Sentry);

const init = (options: Partial<BulwarkSentryOptions> = {}, sentry: Partial<Sentry.BrowserOptions> = {}) =>
  Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry, ...options }), ...sentry });

/** Sends an envelope through the client's (wrapped) transport, as Sentry's integrations do. */
const send = async (envelope: unknown) => {
  await Sentry.getClient()!.sendEnvelope(envelope as Envelope);
  await Sentry.flush(5000);
};

const leaked = (secrets: readonly string[]) =>
  secrets.filter((secret) => server.envelopes.some((envelope) => envelope.raw.includes(secret)));

describe('the transport wrapper with a real @sentry/react', () => {
  it('cuts the query off URL fields in any form and drops fields that hold only a query (F1, F2)', async () => {
    const secrets = [
      'RelFetchCode111',
      'NoSchemeCode888',
      'NavOauthCode777',
      'QueryStringCode333',
      'SpanQueryCode444',
      'SpanQueryCode445',
      'SpanUrlCode446',
    ];
    init({}, { tracesSampleRate: 1 });
    Sentry.getCurrentScope().addEventProcessor((event) => ({
      ...event,
      request: { ...event.request, query_string: 'code=QueryStringCode333&state=x' },
    }));
    Sentry.addBreadcrumb({
      category: 'fetch',
      type: 'http',
      data: { method: 'GET', url: 'api/session?code=RelFetchCode111' },
    });
    Sentry.addBreadcrumb({
      category: 'xhr',
      type: 'http',
      data: { url: 'example.com/cb?code=NoSchemeCode888' },
    });
    Sentry.addBreadcrumb({ category: 'navigation', data: { from: '/', to: '?code=NavOauthCode777' } });
    Sentry.startSpan({ name: 'checkout' }, (span) => {
      span.setAttribute('http.query', '?code=SpanQueryCode444');
      span.setAttribute('url.query', 'code=SpanQueryCode445');
      span.setAttribute('url.full', 'https://shop.example/cb?code=SpanUrlCode446');
      Sentry.captureException(new Error('probe'));
    });
    await Sentry.flush(5000);

    expect(leaked(secrets)).toEqual([]);
    const [event] = server.items('event') as {
      request?: Record<string, unknown>;
      breadcrumbs?: { category?: string; data?: Record<string, unknown> }[];
    }[];
    expect(event?.request).not.toHaveProperty('query_string');
    const crumb = (category: string) => event?.breadcrumbs?.find((b) => b.category === category)?.data;
    expect(crumb('fetch')).toMatchObject({ method: 'GET', url: 'api/session' });
    expect(crumb('xhr')).toMatchObject({ url: 'example.com/cb' });
    expect(crumb('navigation')).toEqual({ from: '/', to: '' });
    // The span arrives, its URL without the query.
    expect(server.envelopes.some((e) => e.raw.includes('https://shop.example/cb'))).toBe(true);
  });

  it('never sends a replay or an attachment, even when the recording is a string (F8)', async () => {
    init();
    const replayId = 'b'.repeat(32);
    // Sentry Replay will not start outside a real browser (its isBrowser() check fails under Node), so this is
    // the envelope it builds with `useCompression: false` (createReplayEnvelope): the rrweb DOM snapshot as text.
    const recording = `{"segment_id":0}\n${JSON.stringify([
      { type: 2, data: { node: { type: 3, textContent: 'Card holder: ReplayDomSecret42' } } },
    ])}`;
    await send([
      { event_id: replayId, sent_at: new Date().toISOString() },
      [
        [{ type: 'replay_event' }, { type: 'replay_event', replay_id: replayId, urls: ['/checkout'] }],
        [{ type: 'replay_recording', length: new TextEncoder().encode(recording).length }, recording],
      ],
    ]);
    await send([
      { event_id: 'c'.repeat(32), sent_at: new Date().toISOString() },
      [
        [{ type: 'event' }, { event_id: 'c'.repeat(32), level: 'error', message: 'with a note attached' }],
        [{ type: 'attachment', filename: 'note.txt', length: 26 }, 'AttachmentSecret in a text'],
      ],
    ]);

    expect(leaked(['ReplayDomSecret42', 'AttachmentSecret'])).toEqual([]);
    const types = server.envelopes.flatMap((e) => e.items.map((item) => item.type));
    expect(types).toEqual(['event']);
  });

  it('recomputes every rewritten item’s length in UTF-8 bytes, so Relay reads each item whole (F14)', async () => {
    init();
    const encode = (text: string) => new TextEncoder().encode(text).length;
    // Redaction shortens it, the 20,000-character bound cuts it, and its multi-byte characters make bytes ≠ chars.
    const text = `Zahlung für Müller: api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc 漢字 ${'Grüße '.repeat(5_000)}`;
    const report = { note: 'token=LengthSecret123', reason: 'Grüße' };
    await send([
      { event_id: 'd'.repeat(32), sent_at: new Date().toISOString() },
      [
        [{ type: 'statsd', length: encode(text) }, text],
        [{ type: 'client_report', length: encode(JSON.stringify(report)) }, report],
        [{ type: 'event' }, { event_id: 'd'.repeat(32), level: 'error', message: 'after them: Straße' }],
      ],
    ]);

    expect(server.envelopes).toHaveLength(1);
    const { items } = readEnvelopeAsRelay(server.envelopes[0]!.bytes);
    expect(items.map((item) => item.header.type)).toEqual(['statsd', 'client_report', 'event']);
    for (const item of items) {
      if (item.header.length !== undefined) expect(encode(item.payload)).toBe(item.header.length);
    }
    // Cut to the scrubber's 2,000 characters per string (issue 9, H0), after the rules saw it.
    expect(items[0]!.payload).toMatch(/^Zahlung für Müller: api_key=\[REDACTED\] 漢字 (Grüße )+/);
    expect(items[0]!.payload.length).toBeLessThanOrEqual(2_001);
    expect(JSON.parse(items[1]!.payload)).toEqual({ note: 'token=[REDACTED]', reason: 'Grüße' });
    expect(JSON.parse(items[2]!.payload)).toMatchObject({ message: 'after them: Straße' });
  });

  it('redacts a secret under an app’s own key name once it is listed in redact.keys (F7)', async () => {
    init({ redact: { keys: ['secretAnswer', /^recovery/i] } });
    Sentry.setContext('form', {
      secretAnswer: 'MothersMaidenName666',
      recoveryPhrase: 'correct horse battery',
      city: 'Paris',
    });
    Sentry.captureException(new Error('sign-up failed'));
    await Sentry.flush(5000);
    expect(leaked(['MothersMaidenName666', 'correct horse battery'])).toEqual([]);
    const [event] = server.items('event') as { contexts?: Record<string, Record<string, unknown>> }[];
    expect(event?.contexts?.form).toEqual({
      secretAnswer: '[REDACTED]',
      recoveryPhrase: '[REDACTED]',
      city: 'Paris',
    });
  });
});
