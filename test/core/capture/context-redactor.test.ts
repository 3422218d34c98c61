// Issue 11: a capture's context is redacted once per distinct context, not once per capture of a storm.
import { createRedactor, createResilience } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';
import { cachedContextRedactor } from '../../../src/core/capture/context-redactor';

describe('the context of a capture', () => {
  it('is redacted as the redactor redacts it, the second time too', () => {
    const redactor = createRedactor();
    const redact = cachedContextRedactor(redactor);
    const context = {
      source: 'global',
      userAction: 'pay with token=sk_live_abcdefghijklmnop1234',
      attempts: 2,
    };
    const expected = redactor({ ...context, actions: undefined });
    expect(expected).not.toEqual(context); // the token is gone
    expect(redact(context)).toEqual(expected);
    expect(redact({ ...context })).toEqual(expected);
  });

  it('runs the redactor once for a context seen again, and each answer is a copy of its own', () => {
    const redactor = createRedactor();
    const spy = vi.fn(redactor);
    const redact = cachedContextRedactor(Object.assign(spy, redactor));
    const first = redact({ source: 'global', feature: 'cart' });
    const second = redact({ source: 'global', feature: 'cart' });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('never mistakes one context for another whose text runs together the same way', () => {
    const redact = cachedContextRedactor(createRedactor());
    expect(redact({ name: 'a1:b', feature: 'c' })).toEqual({ name: 'a1:b', feature: 'c' });
    expect(redact({ name: 'a', feature: 'b1:c' })).toEqual({ name: 'a', feature: 'b1:c' });
    expect(redact({ attempts: 1 })).toEqual({ attempts: 1 });
    expect(redact({ attempts: '1' } as never)).toEqual({ attempts: '1' });
  });

  it('redacts contexts with objects (tags) every time', () => {
    const redactor = createRedactor();
    const spy = vi.fn(redactor);
    const redact = cachedContextRedactor(Object.assign(spy, redactor));
    const context = { tags: { authorization: 'Bearer abc.def.ghi' } };
    expect(redact(context)).toEqual({ tags: { authorization: '[REDACTED]' } });
    redact(context);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('is stored redacted on every record of a storm, and an empty one stays empty', () => {
    const resilience = createResilience();
    const context = { source: 'global', userAction: 'email ada@example.com' } as const;
    const records = Array.from({ length: 3 }, () => resilience.capture(new Error('same'), context));
    for (const record of records)
      expect(record.context).toEqual({ source: 'global', userAction: 'email [REDACTED]' });
    expect(resilience.capture(new Error('other')).context).toEqual({});
  });
});
