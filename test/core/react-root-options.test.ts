import { createReactRootOptions, createResilience } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';

describe('createReactRootOptions', () => {
  it('skips an error caught by a boundary that captures into the same instance', () => {
    const resilience = createResilience();
    const capture = vi.spyOn(resilience, 'capture');
    const options = createReactRootOptions(resilience);
    options.onCaughtError(new Error('x'), {
      componentStack: '\n at X',
      errorBoundary: { context: resilience },
    });
    expect(capture).not.toHaveBeenCalled();
  });

  it('captures an error caught by any other boundary, silently, with the component stack', () => {
    const resilience = createResilience();
    const options = createReactRootOptions(resilience);
    const other = createResilience();
    options.onCaughtError(new Error('x'), { componentStack: '\n at X', errorBoundary: { context: other } });
    options.onCaughtError(new Error('y'), { componentStack: null, errorBoundary: {} });
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      presentation: 'silent',
      context: { source: 'react-root', componentStack: '\n at X' },
    });
  });

  it('captures uncaught errors at app level and recoverable ones silently', () => {
    const resilience = createResilience();
    const options = createReactRootOptions(resilience);
    options.onUncaughtError(new Error('fatal'), { componentStack: '' });
    options.onRecoverableError(new Error('hydration mismatch'), {});
    const [fatal, recovered] = resilience.store.getState().records;
    expect(fatal!.context).toMatchObject({ source: 'react-root', level: 'app' });
    expect(recovered!.presentation).toBe('silent');
  });

  it('is what resilience.reactRootOptions() returns, bound to that instance', () => {
    const resilience = createResilience();
    resilience.reactRootOptions().onUncaughtError('a thrown string', {});
    expect(resilience.store.getState().records).toHaveLength(1);
  });
});
