import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError, createResilience, ErrorDetails, ResilienceProvider } from 'bulwark';
import { describe, expect, it } from 'vitest';

const withStack = (message: string, stack: string) => {
  const error = new AppError(message, {
    kind: 'server',
    status: 503,
    code: 'HTTP_503',
    context: { requestId: 'req-42' },
  });
  error.stack = stack;
  return error;
};

// userEvent and role queries on a loaded 2-core machine: generous time (no timing is asserted).
describe('ErrorDetails', { timeout: 20_000 }, () => {
  it('shows title and message first, then what was tried, then technical details', async () => {
    const user = userEvent.setup();
    const resilience = createResilience();
    const record = resilience.capture(
      withStack('upstream down', 'Error: upstream down\n    at save (app.js:1:1)'),
      {
        attempts: 3,
      },
    );
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
        <ErrorDetails error={record.error} record={record} />
      </ResilienceProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong on our side' })).toBeVisible();
    expect(screen.getByText('Tried 3 times')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Show details' }));
    expect(screen.getByText('Tried 3 times')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('req-42')).not.toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Technical details' }));
    expect(screen.getByText('req-42')).toBeVisible();
    expect(screen.getByText('503')).toBeVisible();
    expect(screen.getByText('HTTP_503')).toBeVisible();
    expect(screen.getByLabelText('Stack trace')).toHaveTextContent('at save');
  });

  it('opens everything for developers', () => {
    render(<ErrorDetails error={withStack('x', 'Error: x')} audience="developer" />);
    expect(screen.getByText('HTTP_503')).toBeVisible();
  });

  it('renders an error message containing HTML as text', () => {
    const error = new AppError('<img src=x onerror="alert(1)"><b>bold</b>', { kind: 'unknown' });
    const { container } = render(<ErrorDetails error={error} audience="developer" />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByTestId('error-message')).toHaveTextContent('<b>bold</b>');
  });

  it('shows the message and the stack redacted', () => {
    const error = withStack(
      'login failed for ada@example.com',
      'Error: token=abc.def at https://api.test/?access_token=s3cr3tvalue\n    at f (a.js:1:1)',
    );
    render(<ErrorDetails error={error} audience="developer" />);
    expect(screen.getByLabelText('Stack trace').textContent).not.toContain('s3cr3tvalue');
    expect(screen.getByTestId('error-message')).toHaveTextContent('login failed for [REDACTED]');
  });

  it('uses the app catalog', () => {
    const resilience = createResilience({
      catalog: { messages: { server: { title: 'Serveur en panne', message: 'Réessayez.' } } },
    });
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
        <ErrorDetails error={new AppError('x', { kind: 'server' })} />
      </ResilienceProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Serveur en panne' })).toBeVisible();
  });
});
