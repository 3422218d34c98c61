import { describe, expect, it } from 'vitest';
import { createPayloadScrubber } from '../../src/sentry/scrub-payload';

describe('the Sentry payload scrubber', () => {
  it('keeps the fingerprint, tags and newest breadcrumbs of an event with a long stack and many breadcrumbs', () => {
    const frames = Array.from({ length: 50 }, (_, i) => ({
      filename: `https://app.example/assets/chunk-${i}.js`,
      function: `handler${i}`,
      lineno: i,
      colno: i,
      in_app: true,
      context_line: `const value${i} = compute(${i});`,
      pre_context: ['a', 'b', 'c'],
      post_context: ['d', 'e', 'f'],
    }));
    const breadcrumbs = Array.from({ length: 100 }, (_, i) => ({
      category: 'console',
      message: `step ${i}`,
      data: { index: i, path: `/orders/${i}` },
    }));
    const event = {
      exception: { values: [{ type: 'Error', value: 'boom', stacktrace: { frames } }] },
      breadcrumbs,
      contexts: { app: { feature: 'checkout', build: '2026.11.29' } },
      fingerprint: ['bulwark', 'abc123'],
      tags: { 'bulwark.kind': 'network' },
      environment: 'production',
    };
    const scrub = createPayloadScrubber({}, { stripQueries: true });
    const safe = scrub(event) as typeof event;
    expect(safe.fingerprint).toEqual(['bulwark', 'abc123']);
    expect(safe.tags).toEqual({ 'bulwark.kind': 'network' });
    expect(safe.environment).toBe('production');
    expect(safe.breadcrumbs.at(-1)?.message).toBe('step 99');
    expect(safe.exception.values[0]?.stacktrace.frames).toHaveLength(50);
  });

  it('cuts URL fields and drops query fields in Sentry 11 span items, whose attributes are { type, value }', () => {
    const span = {
      name: 'GET /cb',
      attributes: {
        'url.full': { type: 'string', value: 'https://shop.example/cb?code=A1#frag' },
        'http.query': { type: 'string', value: '?code=A2' },
        'url.fragment': { type: 'string', value: 'access_token=A3' },
        'http.target': { type: 'string', value: '/cb?code=A4' },
        'sentry.op': { type: 'string', value: 'http.client' },
      },
    };
    const strict = createPayloadScrubber({}, { stripQueries: true });
    expect(strict({ items: [span] })).toEqual({
      items: [
        {
          name: 'GET /cb',
          attributes: {
            'url.full': { type: 'string', value: 'https://shop.example/cb' },
            'http.target': { type: 'string', value: '/cb' },
            'sentry.op': { type: 'string', value: 'http.client' },
          },
        },
      ],
    });
    // With `dataCollection.urlQueryParams: true` the app chose to send queries: only redaction runs.
    const loose = createPayloadScrubber({}, { stripQueries: false });
    expect(loose(span)).toMatchObject({
      attributes: {
        'url.full': { value: 'https://shop.example/cb?code=A1#frag' },
        'http.query': { value: '?code=A2' },
        'url.fragment': { value: 'access_token=[REDACTED]' },
      },
    });
  });
});
