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
});
