// Break-it (issue 11, break11c): the fallback's lazy `appError` must be the AppError main hands the fallback
// (the classified form of the value this boundary caught), whenever the fallback reads it.
import { render } from '@testing-library/react';
import { createResilience, ErrorBoundary, ResilienceContext, type FallbackProps } from 'bulwark';
import { describe, expect, it } from 'vitest';
import { nextPaint } from '../helpers/next-paint';
import { expectReactRenderError } from '../helpers/console-errors';

/** The same fault (message and throw site) as a new Error object each time. */
const cartFailure = () => {
  const error = new Error('Cart failed');
  error.stack = 'Error: Cart failed\n    at Cart (cart.js:10:5)\n    at App (app.js:3:1)';
  return error;
};

describe('break11c: lazy appError', () => {
  it('C4: appError read after the paint is the caught value’s AppError, and the record holds it (as main)', async () => {
    const resilience = createResilience();
    // The same fault happened before (a hook caught it), so the deferred record may take the repeat path.
    resilience.capture(cartFailure(), { source: 'hook' });
    const thrown = cartFailure();
    const Thrower = (): never => {
      throw thrown;
    };
    let props: FallbackProps | undefined;
    expectReactRenderError();
    render(
      <ResilienceContext.Provider value={resilience}>
        <ErrorBoundary
          level="feature"
          fallbackRender={(p) => {
            // Shows the message; keeps the props for a "Details" button that reads appError later.
            props = p;
            return <p role="alert">{(p.error as Error).message}</p>;
          }}
        >
          <Thrower />
        </ErrorBoundary>
      </ResilienceContext.Provider>,
    );
    await nextPaint();
    // The user opens "Details" after the paint.
    const appError = props!.appError!;
    // main: appError = normalize(thrown) made while rendering, so its cause is the value this boundary caught
    expect(appError.cause).toBe(thrown);
    // ... and the boundary's capture recorded that AppError.
    expect(resilience.store.getState().records[0]!.error.cause).toBe(thrown);
  });
});
