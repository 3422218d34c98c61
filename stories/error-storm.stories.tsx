import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppError, createResilience, ResilienceProvider, type Resilience } from 'bulwark';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { word } from './sample-errors';

/** 10,000 distinct errors in one burst, at toast or dialog level. */
function Storm({ resilience }: { resilience: Resilience }) {
  const burst = (presentation: 'toast' | 'dialog') => () => {
    for (let i = 0; i < 10_000; i++) {
      resilience.capture(new AppError(`Widget ${word(i)} failed`, { kind: 'server' }), { presentation });
    }
  };
  return (
    <ResilienceProvider resilience={resilience} globalHandlers={false}>
      <button type="button" onClick={burst('toast')}>
        Toast storm
      </button>{' '}
      <button type="button" onClick={burst('dialog')}>
        Dialog storm
      </button>
    </ResilienceProvider>
  );
}

const meta: Meta<typeof Storm> = {
  title: 'Scenarios/Error storm',
  component: Storm,
  loaders: [() => ({ resilience: createResilience() })],
  render: (_args, { loaded }) => <Storm resilience={loaded['resilience'] as Resilience} />,
};
export default meta;

const toasts = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-bulwark="toast"]')];

export const ToastStorm: StoryObj<typeof Storm> = {
  play: async ({ canvasElement, loaded }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Toast storm' }));
    await waitFor(() => expect(toasts(canvasElement)).toHaveLength(3));
    // Give the throttle a few more rounds: still three, one per fingerprint.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const shown = toasts(canvasElement).map((t) => t.dataset['fingerprint']);
    await expect(new Set(shown).size).toBe(3);
    await expect((loaded['resilience'] as Resilience).store.getState().records).toHaveLength(100);
  },
};

export const DialogStorm: StoryObj<typeof Storm> = {
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Dialog storm' }));
    await waitFor(() => expect(canvasElement.querySelectorAll('dialog')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 600));
    await expect(canvasElement.querySelectorAll('dialog')).toHaveLength(1);
    await expect(toasts(canvasElement)).toHaveLength(0);
  },
};
