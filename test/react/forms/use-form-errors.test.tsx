import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError, createResilience, ResilienceContext, useFormErrors, type Resilience } from 'bulwark';
import { describe, expect, it, vi } from 'vitest';

const serverRejects = (error: unknown) => () => Promise.reject(error);

function SignUp({ submit }: { submit: () => Promise<void> }) {
  const { formRef, fieldErrors, handleSubmitError, fieldProps, errorId, clearFieldErrors } = useFormErrors();
  return (
    <form
      ref={formRef}
      aria-label="sign up"
      onSubmit={(event) => {
        event.preventDefault();
        submit().catch(handleSubmitError);
      }}
    >
      {(['name', 'email', 'password'] as const).map((field) => (
        <div key={field}>
          <label htmlFor={field}>{field}</label>
          <input id={field} {...fieldProps(field)} onChange={() => clearFieldErrors(field)} />
          {fieldErrors[field] && <p id={errorId(field)}>{fieldErrors[field].join(' ')}</p>}
        </div>
      ))}
      <button type="submit">Create account</button>
    </form>
  );
}

const renderForm = (submit: () => Promise<void>, resilience: Resilience = createResilience()) =>
  render(
    <ResilienceContext.Provider value={resilience}>
      <SignUp submit={submit} />
    </ResilienceContext.Provider>,
  );

describe('useFormErrors', () => {
  const validation = new AppError('Invalid', {
    kind: 'validation',
    // Deliberately not in form order: focus follows the form, not the server.
    fieldErrors: { password: ['Too short'], email: ['Already registered'] },
  });

  it('shows each message next to its field, marked invalid and described by it', async () => {
    renderForm(serverRejects(validation));
    fireEvent.submit(screen.getByRole('form', { name: 'sign up' }));
    const email = await screen.findByRole('textbox', { name: 'email', description: 'Already registered' });
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('password')).toHaveAccessibleDescription('Too short');
    expect(screen.getByLabelText('name')).not.toHaveAttribute('aria-invalid');
  });

  it('keeps what the user typed and focuses the first invalid field in form order', async () => {
    const user = userEvent.setup();
    renderForm(serverRejects(validation));
    await user.type(screen.getByLabelText('name'), 'Ada');
    await user.type(screen.getByLabelText('email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Already registered');
    expect(screen.getByLabelText('email')).toHaveFocus();
    expect(screen.getByLabelText('name')).toHaveValue('Ada');
    expect(screen.getByLabelText('email')).toHaveValue('ada@example.com');
  });

  it('moves focus again when the same errors come back on the next submit', async () => {
    const user = userEvent.setup();
    renderForm(serverRejects(validation));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Already registered');
    await user.click(screen.getByLabelText('name'));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await vi.waitFor(() => expect(screen.getByLabelText('email')).toHaveFocus());
  });

  it('clears a field’s message when the user edits it', async () => {
    const user = userEvent.setup();
    renderForm(serverRejects(validation));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await screen.findByText('Already registered');
    await user.type(screen.getByLabelText('email'), 'x');
    expect(screen.queryByText('Already registered')).toBeNull();
    expect(screen.getByText('Too short')).toBeInTheDocument();
  });

  it('hands an error without field messages to the pipeline instead', async () => {
    const resilience = createResilience();
    renderForm(
      serverRejects(new AppError('Service unavailable', { kind: 'server', status: 503 })),
      resilience,
    );
    fireEvent.submit(screen.getByRole('form', { name: 'sign up' }));
    await vi.waitFor(() => expect(resilience.store.getState().records).toHaveLength(1));
    expect(resilience.store.getState().records[0]!.context.source).toBe('hook');
    expect(screen.getByLabelText('email')).not.toHaveAttribute('aria-invalid');
  });
});
