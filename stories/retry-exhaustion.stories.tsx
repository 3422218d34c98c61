import type { Meta, StoryObj } from '@storybook/react-vite';
import { createResilience, FeatureBoundary, ResilienceProvider, type Resilience } from 'bulwark';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Fails on every render: retrying cannot help. */
function BrokenInbox(): React.ReactNode {
  throw new Error('Inbox index is corrupt');
}

const meta: Meta = {
  title: 'Boundaries/Retry exhaustion',
  loaders: [() => ({ resilience: createResilience() })],
  render: (_args, { loaded }) => (
    <ResilienceProvider
      resilience={loaded['resilience'] as Resilience}
      globalHandlers={false}
      presenters={false}
    >
      <section aria-label="Inbox">
        <FeatureBoundary name="inbox" maxRetries={2}>
          <BrokenInbox />
        </FeatureBoundary>
      </section>
    </ResilienceProvider>
  ),
};
export default meta;

/** After two failed retries the card stops offering Try again; Reload and Go back remain. */
export const RetryExhaustion: StoryObj = {
  play: async ({ canvasElement, loaded }) => {
    const inbox = within(within(canvasElement).getByRole('region', { name: 'Inbox' }));
    const tryAgain = () => inbox.queryByRole('button', { name: 'Try again' });

    for (let attempt = 1; attempt <= 2; attempt++) {
      await waitFor(() => expect(tryAgain()).not.toBeNull());
      await userEvent.click(tryAgain()!);
    }
    await waitFor(() => expect(inbox.getByRole('button', { name: /reload/i })).toBeInTheDocument());
    await expect(tryAgain()).toBeNull();
    // With the button gone, the card no longer tells the user to try again.
    await expect(inbox.queryByText(/try again/i)).toBeNull();
    await expect(inbox.getByText(/This keeps failing, so we stopped trying/)).toBeVisible();
    await expect(inbox.getByRole('button', { name: /back/i })).toBeInTheDocument();
    // Each catch is recorded once its fallback is painted (issue 11).
    const records = () => (loaded['resilience'] as Resilience).store.getState().records;
    await waitFor(() => expect(records()[0]?.count).toBe(3));
  },
};
