import type { Meta, StoryObj } from '@storybook/react-vite';
import { createResilience, ResilienceProvider, SEVERITIES, type Resilience } from 'bulwark';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { retryAction, sampleError } from './sample-errors';

/** Toasts from the store, one per severity that reaches a toast; each carries a retry, so each stays. */
function ToastDemo({ resilience }: { resilience: Resilience }) {
  const show = () => {
    for (const severity of SEVERITIES) {
      resilience.capture(sampleError(severity, `A ${severity} while saving`), {
        presentation: 'toast',
        actions: [retryAction],
      });
    }
  };
  return (
    <ResilienceProvider resilience={resilience} globalHandlers={false}>
      <button type="button" onClick={show}>
        Show toasts
      </button>
    </ResilienceProvider>
  );
}

const meta: Meta<typeof ToastDemo> = {
  title: 'Recovery UI/RecoveryToaster',
  component: ToastDemo,
  loaders: [() => ({ resilience: createResilience() })],
  render: (_args, { loaded }) => <ToastDemo resilience={loaded['resilience'] as Resilience} />,
};
export default meta;

export const EverySeverity: StoryObj<typeof ToastDemo> = {
  play: async ({ canvasElement, loaded }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Show toasts' }));
    const toasts = () => canvasElement.querySelectorAll('[data-bulwark="toast"]');
    await waitFor(() => expect(toasts()).toHaveLength(3));
    // Dismissing one frees a slot for the fourth.
    await userEvent.click(within(toasts()[0] as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(toasts()).toHaveLength(3));
    const records = (loaded['resilience'] as Resilience).store.getState().records;
    await expect(records.filter((r) => r.status === 'dismissed')).toHaveLength(1);
  },
};

/** The same error again and again: one toast, its count updated in place. */
export const Recurring: StoryObj<typeof ToastDemo> = {
  play: async ({ canvasElement, loaded }) => {
    const resilience = loaded['resilience'] as Resilience;
    for (let i = 0; i < 3; i++)
      resilience.capture(sampleError('warning', 'Autosave failed'), { source: 'global' });
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-bulwark="toast"]')).toHaveTextContent('3 times'),
    );
    await expect(canvasElement.querySelectorAll('[data-bulwark="toast"]')).toHaveLength(1);
  },
};
