import { classifyNoise } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe('classifyNoise', () => {
  it('recognises both ResizeObserver loop messages', () => {
    expect(classifyNoise({ message: 'ResizeObserver loop limit exceeded' })).toBe('resize-observer');
    expect(
      classifyNoise({ error: new Error('ResizeObserver loop completed with undelivered notifications.') }),
    ).toBe('resize-observer');
  });

  it('recognises a cross-origin "Script error." only when there is no error object', () => {
    expect(classifyNoise({ message: 'Script error.' })).toBe('cross-origin-script');
    expect(classifyNoise({ message: 'Script error', error: null })).toBe('cross-origin-script');
    expect(classifyNoise({ message: 'Script error.', error: new Error('Script error.') })).toBeUndefined();
  });

  it('recognises extension scripts by file or top stack frame, for every browser', () => {
    for (const scheme of ['chrome', 'moz', 'safari', 'safari-web'])
      expect(classifyNoise({ message: 'x', filename: `${scheme}-extension://id/a.js` })).toBe('extension');
  });

  it('lets real errors through, including odd thrown values', () => {
    expect(classifyNoise({ message: 'Uncaught TypeError', error: new TypeError('a') })).toBeUndefined();
    expect(classifyNoise({ error: 'a string' })).toBeUndefined();
    const hostile = {
      get stack(): string {
        throw new Error('no');
      },
    };
    expect(classifyNoise({ error: hostile })).toBeUndefined();
  });
});
