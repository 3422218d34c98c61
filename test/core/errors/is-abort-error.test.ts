import { isAbortError } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe('isAbortError', () => {
  it('is true for anything named AbortError, across realms, and false for a timeout', () => {
    expect(isAbortError(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbortError({ name: 'AbortError', message: 'from another realm' })).toBe(true);
    expect(isAbortError(new DOMException('late', 'TimeoutError'))).toBe(false);
    expect(isAbortError(new Error('AbortError'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
    expect(isAbortError(null)).toBe(false);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('no');
        },
      },
    );
    expect(isAbortError(hostile)).toBe(false);
  });
});
