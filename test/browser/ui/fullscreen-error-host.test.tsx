import { act, render, screen } from '@testing-library/react';
import { AppError, createResilience, ResilienceProvider } from 'bulwark';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../helpers/axe-violations';

function mount() {
  const resilience = createResilience();
  render(
    <ResilienceProvider resilience={resilience} globalHandlers={false}>
      <main>
        <button type="button">Behind</button>
      </main>
    </ResilienceProvider>,
  );
  act(
    () => void resilience.capture(new AppError('down', { kind: 'server' }), { presentation: 'fullscreen' }),
  );
  return resilience;
}

describe('FullscreenErrorHost', () => {
  it('covers the page in a modal dialog: the page behind is inert and Escape does not close it', async () => {
    mount();
    const host = await screen.findByRole('dialog', { name: 'Something went wrong on our side' });
    expect(host.matches(':modal')).toBe(true);
    await expect.poll(() => host.contains(document.activeElement)).toBe(true);

    const behind = screen.getByText('Behind');
    behind.focus();
    expect(behind).not.toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');
    expect((host as HTMLDialogElement).open).toBe(true);
  });

  it('has no axe violations', async () => {
    mount();
    await screen.findByRole('dialog');
    expect(await axeViolations()).toEqual([]);
  });
});
