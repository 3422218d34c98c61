// Issue 10: after the fullscreen error's retry succeeded, focus landed on <body>. It goes back where it was,
// as the recovery dialog's does.
import { act, render, screen } from '@testing-library/react';
import { AppError, createResilience, PageBoundary, ResilienceProvider } from 'bulwark';
import { useState } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';

describe('focus after a fullscreen error', () => {
  it('returns to the control that had it when the host’s retry worked', async () => {
    const resilience = createResilience();
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <main>
          <button type="button">Sync now</button>
        </main>
      </ResilienceProvider>,
    );
    const sync = screen.getByRole('button', { name: 'Sync now' });
    sync.focus();
    act(
      () =>
        void resilience.capture(new AppError('down', { kind: 'server' }), {
          presentation: 'fullscreen',
          actions: [{ id: 'retry', primary: true, run: () => Promise.resolve() }],
        }),
    );
    const host = await screen.findByRole('dialog');
    await expect.poll(() => host.contains(document.activeElement)).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => document.querySelector('[data-bulwark="fullscreen-host"]')).toBeNull();
    await expect.poll(() => document.activeElement).toBe(sync);
  });

  it('returns to the same control of a page whose boundary’s retry worked', async () => {
    let broken = false;
    function Settings() {
      const [name, setName] = useState('Ada');
      if (broken) throw new AppError('settings failed', { kind: 'render' });
      return (
        <form>
          <label htmlFor="display-name">Display name</label>
          <input id="display-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" onClick={() => ((broken = true), setName(`${name}!`))}>
            Save
          </button>
        </form>
      );
    }
    const resilience = createResilience();
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <PageBoundary name="settings" onReset={() => (broken = false)}>
          <Settings />
        </PageBoundary>
      </ResilienceProvider>,
    );
    screen.getByLabelText('Display name').focus();
    // A script click: focus stays in the field, as when a keyboard shortcut saves.
    act(() => screen.getByRole('button', { name: 'Save' }).click());
    await expect
      .poll(() =>
        document.querySelector('[data-bulwark="fullscreen-error"]')?.contains(document.activeElement),
      )
      .toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => document.activeElement?.id).toBe('display-name');
  });
});
