import { render, screen } from '@testing-library/react';
import { AppError, RecoveryDialog, type RecoveryAction } from 'bulwark';
import { useState } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it, vi } from 'vitest';

const error = new AppError('down', { kind: 'server' });

/** A page with a button that opens the dialog, and something behind it to click. */
function Page({ dismissible = true, actions = [] as RecoveryAction[] }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <RecoveryDialog
          error={error}
          actions={actions}
          dismissible={dismissible}
          onDismiss={() => setOpen(false)}
        />
      )}
      {/* After the dialog in the DOM: without a modal, Tab from the dialog's last button would land here. */}
      <button type="button">Behind</button>
    </div>
  );
}

describe('RecoveryDialog in Chromium', () => {
  it('opens modally with focus on the primary action, and Enter runs it', async () => {
    const retry = vi.fn();
    render(
      <Page
        actions={[
          { id: 'go-back', run: () => {} },
          { id: 'retry', run: retry, primary: true },
        ]}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.matches(':modal')).toBe(true);
    expect(screen.getByRole('button', { name: 'Try again' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape when dismissible and gives focus back to the opener', async () => {
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await userEvent.click(opener);
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('stays open on Escape, even twice, when not dismissible', async () => {
    render(<Page dismissible={false} actions={[{ id: 'reload', run: () => {} }]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
  });

  it('makes the page behind inert: Tab stays inside the dialog', async () => {
    render(<Page actions={[{ id: 'retry', run: () => {}, primary: true }]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('alertdialog');
    for (let i = 0; i < 8; i++) {
      await userEvent.keyboard('{Tab}');
      const active = document.activeElement;
      // Focus may pass through the browser chrome (body) between cycles, but never lands behind the dialog.
      expect(active === document.body || dialog.contains(active)).toBe(true);
    }
    const behind = screen.getByText('Behind');
    behind.focus();
    expect(behind).not.toHaveFocus();
  });
});
