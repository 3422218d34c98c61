import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError, defaultCatalog, FullscreenError, InlineError, RecoveryDialog } from 'bulwark';
import { describe, expect, it, vi } from 'vitest';

const error = new AppError('save failed', { kind: 'network', actions: ['retry'] });
const { title, message } = defaultCatalog.messages.network;

describe('InlineError', () => {
  it('can be pointed at from a field and stays quiet unless it must interrupt', () => {
    const { rerender } = render(
      <>
        <input aria-label="Email" aria-describedby="email-error" />
        <InlineError id="email-error" error={error} />
      </>,
    );
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveAccessibleDescription(new RegExp(title));
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<InlineError error={error} interrupt />);
    expect(screen.getByRole('alert')).toHaveTextContent(title);
  });

  it('runs the primary action on Enter when the error itself has focus, not when a button has', () => {
    const retry = vi.fn();
    const back = vi.fn();
    render(
      <InlineError
        error={error}
        actions={[
          { id: 'go-back', run: back },
          { id: 'retry', run: retry, primary: true },
        ]}
      />,
    );
    const region = document.querySelector<HTMLElement>('[data-bulwark="inline-error"]')!;
    fireEvent.keyDown(region, { key: 'Enter' });
    expect(retry).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Go back' }), { key: 'Enter' });
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('swallows a failing action outside a provider', async () => {
    render(
      <InlineError
        error={error}
        actions={[{ id: 'retry', run: () => Promise.reject(new Error('again')) }]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('lists field errors of a validation error', () => {
    const invalid = new AppError('invalid', {
      kind: 'validation',
      fieldErrors: { email: ['Enter an email address'] },
    });
    render(<InlineError error={invalid} />);
    expect(screen.getByRole('listitem')).toHaveTextContent('Enter an email address');
  });
});

describe('FullscreenError', () => {
  it('offers the caller’s action first, then reload and go home, and a support link', () => {
    render(
      <FullscreenError
        error={error}
        actions={[{ id: 'retry', run: () => {}, primary: true }]}
        supportHref="/help"
      />,
    );
    const labels = screen
      .getAllByRole('button')
      .filter((b) => b.dataset['action'])
      .map((b) => b.textContent);
    expect(labels).toEqual(['Try again', 'Reload page', 'Go to the home page']);
    expect(screen.getByRole('link', { name: 'Contact support' })).toHaveAttribute('href', '/help');
    expect(screen.getByRole('region')).toHaveTextContent(defaultCatalog.ui['dataSafe']!);
  });

  it('takes focus so Enter runs the primary action', () => {
    const retry = vi.fn();
    render(<FullscreenError error={error} actions={[{ id: 'retry', run: retry, primary: true }]} />);
    const region = screen.getByRole('region', { name: title });
    expect(region).toHaveFocus();
    fireEvent.keyDown(region, { key: 'Enter' });
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('RecoveryDialog in jsdom (no showModal)', () => {
  it('renders an open alertdialog labelled by its title, and Escape asks its owner to close', () => {
    const onDismiss = vi.fn();
    render(<RecoveryDialog error={error} onDismiss={onDismiss} />);
    const dialog = screen.getByRole('alertdialog', { name: title });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toHaveAccessibleDescription(message);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('ignores Escape when not dismissible', () => {
    const onDismiss = vi.fn();
    render(<RecoveryDialog error={error} dismissible={false} onDismiss={onDismiss} />);
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(screen.getByRole('alertdialog'), cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(onDismiss).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull();
  });
});
