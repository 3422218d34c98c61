// @vitest-environment node
// Server rendering: no window, no document. Boundaries render their children; errors thrown while rendering on
// the server are not caught by boundaries (React's rule), so they reach renderToString's caller.
import { createResilience, ErrorBoundary, FeatureBoundary, ResilienceProvider, useFormErrors } from 'bulwark';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

function Form() {
  const { formRef, fieldProps } = useFormErrors();
  return (
    <form ref={formRef}>
      <input aria-label="email" {...fieldProps('email')} />
    </form>
  );
}

describe('server rendering', () => {
  it('renders boundaries, their children and the form hook without a DOM', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <ResilienceProvider resilience={createResilience()}>
        <ErrorBoundary fallback={<p>fallback</p>}>
          <p>server content</p>
        </ErrorBoundary>
        <FeatureBoundary name="form">
          <Form />
        </FeatureBoundary>
      </ResilienceProvider>,
    );
    expect(html).toContain('server content');
    expect(html).toContain('name="email"');
  });
});
