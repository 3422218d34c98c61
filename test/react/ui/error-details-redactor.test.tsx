import { render, screen } from '@testing-library/react';
import { AppError, createResilience, ErrorDetails, ResilienceProvider } from 'bulwark';
import { describe, expect, it } from 'vitest';

// Issue 9, L16: a record that did not come through `capture` (a `records` prop, a backend, a story)
// is shown and copied redacted with the app's own rules, not only the default ones.
describe('ErrorDetails redacts with the app redactor', { timeout: 20_000 }, () => {
  it("applies the provider's reporting.redact patterns and keys to message, stack and code", () => {
    const resilience = createResilience({
      reporting: { redact: { patterns: [/INT-\d{6}/], replacement: '***' } },
    });
    const error = new AppError('lookup failed for INT-123456', { kind: 'server', code: 'E_INT-654321' });
    error.stack = 'AppError: lookup failed for INT-123456\n    at load (app.js:1:1) INT-777777';
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
        <ErrorDetails error={error} audience="developer" />
      </ResilienceProvider>,
    );
    expect(screen.getByTestId('error-message')).toHaveTextContent('lookup failed for ***');
    const stack = screen.getByLabelText('Stack trace').textContent ?? '';
    expect(stack).not.toContain('INT-');
    expect(stack).toContain('at load');
    expect(document.body.textContent).not.toMatch(/INT-\d{6}/);
  });

  it('uses the default rules outside a provider', () => {
    render(<ErrorDetails error={new AppError('mail ada@example.com')} audience="developer" />);
    expect(screen.getByTestId('error-message')).toHaveTextContent('mail [REDACTED]');
  });
});
