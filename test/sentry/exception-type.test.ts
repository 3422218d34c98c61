// Issue 13, noticed afterwards: Sentry titled every issue `AppError: …`, whatever was thrown. A real @sentry/react
// posts to an ingest stand-in on 127.0.0.1; the event's exception `type` is the thrown error's own, redacted and
// bounded like every name.
import * as Sentry from '@sentry/react';
import { AppError, createResilience, HttpError } from 'bulwark/core';
import { bulwarkSentryOptions, createSentryReporter } from 'bulwark/sentry';
import { describe, expect, it } from 'vitest';
import { serveEnvelopesPerFile } from '../helpers/envelope-server';

interface ReceivedEvent {
  exception?: { values?: { type?: string; value?: string }[] };
  fingerprint?: string[];
}

const server = serveEnvelopesPerFile(Sentry);

/** Captures each value through bulwark and returns the type of each event's main exception, in order. */
async function typesSent(values: unknown[]): Promise<(string | undefined)[]> {
  Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
  const resilience = createResilience({ reporters: [createSentryReporter({ Sentry })] });
  const fingerprints = values.map((value) => resilience.capture(value).fingerprint);
  await Sentry.flush(5000);
  const events = server.items('event') as ReceivedEvent[];
  return fingerprints.map(
    (fingerprint) => events.find((e) => e.fingerprint?.[0] === fingerprint)?.exception?.values?.at(-1)?.type,
  );
}

class ChunkLoadError extends Error {
  override name = 'ChunkLoadError';
}

describe('the Sentry exception type', () => {
  it('is the thrown error’s own type, not AppError', async () => {
    const types = await typesSent([
      new TypeError("Cannot read properties of undefined (reading 'total')"),
      new ChunkLoadError('Loading chunk 7 failed'),
      new DOMException('The quota has been exceeded', 'QuotaExceededError'),
    ]);
    expect(types).toEqual(['TypeError', 'ChunkLoadError', 'QuotaExceededError']);
  });

  it('stays the AppError’s own name for an AppError thrown as such', async () => {
    const types = await typesSent([
      new AppError('Card declined', { kind: 'validation', cause: new TypeError('inner') }),
      new HttpError({ status: 503 }),
    ]);
    expect(types).toEqual(['AppError', 'HttpError']);
  });

  it('keeps the type through a second capture of the wrapped error (a hook around resilience.fetch)', async () => {
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
    const resilience = createResilience({ reporters: [createSentryReporter({ Sentry })] });
    const first = resilience.capture(new RangeError('Invalid time value'), { userAction: 'save' });
    const again = resilience.capture(resilience.normalize(new RangeError('Invalid time value')), {
      feature: 'other',
    });
    await Sentry.flush(5000);
    expect(again.fingerprint).toBe(first.fingerprint);
    const types = (server.items('event') as ReceivedEvent[]).map((e) => e.exception?.values?.at(-1)?.type);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['RangeError']));
  });

  it('is redacted and cut to 100 characters like every name', async () => {
    const secretName = new Error('boom');
    secretName.name = `Leak ghp_ConsoleSecret0123456789abcdefABCD ${'X'.repeat(300)}`;
    const [type] = await typesSent([secretName]);
    expect(type).toBeDefined();
    expect(type).not.toContain('ghp_ConsoleSecret0123456789abcdefABCD');
    expect(type!.length).toBeLessThanOrEqual(100);
    expect(type).toMatch(/^Leak /);
  });
});
