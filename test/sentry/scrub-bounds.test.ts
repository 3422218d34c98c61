// Issue 9, H0 and H0b: the Sentry scrubber does bounded work per payload, and keeps Sentry's session id
// only where Sentry puts it. Time thresholds are generous (a loaded 2-core machine); speed goals are in bench/.
import { describe, expect, it } from 'vitest';
import { scrubEnvelope } from '../../src/sentry/scrub-envelope';
import { createPayloadScrubber } from '../../src/sentry/scrub-payload';
import type { SentryEnvelope } from '../../src/sentry/types';
import { fastest } from '../helpers/fastest';

const json = JSON.stringify(
  Array.from({ length: 400 }, (_, i) => ({
    id: i,
    name: `Item ${i}`,
    status: 'ok',
    updatedAt: '2026-11-29T19:56:18Z',
  })),
).slice(0, 20_000);
const AWS = 'AKIAIOSFODNN7EXAMPLE';
const collection = { userInfo: false, cookies: false, headers: false, bodies: false };

describe('the Sentry scrubber is bounded per payload (issue 9, H0)', { timeout: 60_000 }, () => {
  it.each([
    [
      '100 console breadcrumbs of 20 kB of JSON',
      { breadcrumbs: Array.from({ length: 100 }, () => ({ category: 'console', message: json })) },
    ],
    [
      '100 breadcrumbs of near-miss key: text',
      {
        breadcrumbs: Array.from({ length: 100 }, () => ({
          category: 'console',
          message: 'a:'.repeat(10_000),
        })),
      },
    ],
    [
      '400 extras of near-miss IBAN text',
      { extra: Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, 'GB82 '.repeat(4_000)])) },
    ],
  ])('scrubs an event of %s in bounded time', (_, event) => {
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    expect(fastest(() => scrub(event))).toBeLessThan(2_000);
    expect(JSON.stringify(scrub(event)).length).toBeLessThan(300_000);
  });

  it('keeps what groups the event and the newest breadcrumbs when the budget runs out', () => {
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    const event = {
      breadcrumbs: Array.from({ length: 100 }, (_, i) => ({ category: 'console', message: `${i} ${json}` })),
      extra: { big: json },
      exception: { values: [{ type: 'Error', value: 'boom' }] },
      fingerprint: ['bulwark', 'abc123'],
      tags: { 'bulwark.kind': 'network' },
    };
    const safe = scrub(event) as typeof event;
    expect(safe.fingerprint).toEqual(['bulwark', 'abc123']);
    expect(safe.tags).toEqual({ 'bulwark.kind': 'network' });
    expect(safe.exception.values[0]?.value).toBe('boom');
    expect(safe.breadcrumbs).toHaveLength(100);
    expect(safe.breadcrumbs.at(-1)?.message.startsWith('99 ')).toBe(true);
    // The oldest ones came after the budget was spent: `[…]`, not their text.
    expect(JSON.stringify(safe.breadcrumbs[0])).not.toContain('Item');
  });

  it('never leaves a planted secret, whole or in part, at a cut or past the budget', () => {
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    // Straddling the 2,000-character cut at every offset, then in strings past the budget.
    const breadcrumbs = Array.from({ length: 120 }, (_, i) => ({
      category: 'console',
      message: `${'x '.repeat(990 - (i % 20))}aws_access_key_id=${AWS} ${'y'.repeat(300)} token=${AWS}`,
    }));
    const out = JSON.stringify(scrub({ breadcrumbs, extra: { note: `key ${AWS}` } }));
    for (let at = 0; at + 8 <= AWS.length; at++) expect(out).not.toContain(AWS.slice(at, at + 8));
  });
});

describe('Sentry’s session sid is kept only where Sentry puts it (issue 9, H0b)', () => {
  it('redacts an app’s sid in extra, contexts, tags and user', () => {
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    const out = JSON.stringify(
      scrub({
        extra: { sid: 's_Hunter2xyzSecret' },
        contexts: { auth: { sid: 'aHunter2xyzSecret' } },
        tags: { sid: 'tHunter2xyzSecret' },
        user: { sid: 'uHunter2xyzSecret' },
      }),
    );
    expect(out).not.toContain('Hunter2xyzSecret');
  });

  it('keeps the session item’s own UUID sid and redacts any other value there', () => {
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    const sid = '0f9a3c1d2b7e4a6f8c5d1e2f3a4b5c6d';
    const envelope = [
      { sent_at: '2026-11-29T20:00:00Z' },
      [
        [{ type: 'session' }, { sid, status: 'ok', errors: 0, extra: { sid: 'nested-Hunter2xyzSecret' } }],
        [{ type: 'session' }, { sid: 'Hunter2xyzSecret-not-a-uuid', status: 'ok' }],
      ],
    ] as unknown as SentryEnvelope;
    const [, items] = scrubEnvelope(envelope, scrub, collection) as unknown as [
      unknown,
      [unknown, { sid: string }][],
    ];
    expect(items[0]?.[1].sid).toBe(sid);
    expect(items[1]?.[1].sid).toBe('[REDACTED]');
    expect(JSON.stringify(items)).not.toContain('Hunter2xyzSecret');
  });
});
