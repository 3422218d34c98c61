// React's production build calls every function component on a caught error's path with no props, to find
// its source line for the component stack; one that throws then costs two formatted stack traces per caught
// error (issue 11, ninth session: the provider made click → fallback painted 1.15× slower). The components an
// app puts above its own code answer that call without throwing.
import { forwardRef, type ErrorInfo } from 'react';
import { render } from '@testing-library/react';
import { Bomb } from './boundary/helpers';
import { describe, expect, it, vi } from 'vitest';
import {
  ComponentBoundary,
  createResilience,
  ErrorBoundary,
  FeatureBoundary,
  OfflineQueueProvider,
  PageBoundary,
  ResilienceProvider,
  withErrorBoundary,
} from 'bulwark';

/** What React's probe does: the component (a forwardRef's render function) called with no props. */
const probe = (component: unknown) => () => {
  const { render: forwarded } = component as { render?: () => unknown };
  return (forwarded ?? (component as () => unknown))();
};
const fallback = { fallback: null };

describe("React's component-stack probe", () => {
  it.each([
    ['ResilienceProvider', probe(ResilienceProvider)],
    ['OfflineQueueProvider', probe(OfflineQueueProvider)],
    ['PageBoundary', probe(PageBoundary)],
    ['FeatureBoundary', probe(FeatureBoundary)],
    ['ComponentBoundary', probe(ComponentBoundary)],
    ['withErrorBoundary(…)', probe(withErrorBoundary(() => null, fallback))],
    [
      'withErrorBoundary(forwardRef(…))',
      probe(
        withErrorBoundary(
          forwardRef(() => null),
          fallback,
        ),
      ),
    ],
  ])('gets no throw from %s called with no props', (_, called) => {
    expect(called).not.toThrow();
  });

  it('still names the provider in a caught error’s component stack', () => {
    const onError = vi.fn();
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        <ErrorBoundary fallback={<p>fallback</p>} onError={onError}>
          <Bomb />
        </ErrorBoundary>
      </ResilienceProvider>,
    );
    const { componentStack } = onError.mock.calls[0]![1] as ErrorInfo;
    expect(componentStack).toMatch(/Bomb[\s\S]*ErrorBoundary[\s\S]*ResilienceProvider/);
  });
});
