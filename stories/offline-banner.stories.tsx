import type { Meta, StoryObj } from '@storybook/react-vite';
import { createNetworkStatus, OfflineBanner, type OutboxSnapshot } from 'bulwark';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { createFakeOfflineQueue, deadLetter } from '../test/helpers/fake-offline-queue';

interface Args {
  online: boolean;
  snapshot: Partial<OutboxSnapshot>;
}

// A fake outbox with the real interface: each story is one state of the banner.
function BannerIn({ online, snapshot }: Args) {
  const [parts] = useState(() => {
    const network = createNetworkStatus(() => undefined);
    network.setOnline(online);
    return { network, queue: createFakeOfflineQueue(snapshot, 1500) };
  });
  return <OfflineBanner queue={parts.queue} network={parts.network} />;
}

const meta: Meta<typeof BannerIn> = { title: 'Offline/OfflineBanner', component: BannerIn };
export default meta;
type Story = StoryObj<typeof BannerIn>;

/** Online, nothing waiting: the polite live region is there, and empty. */
export const Idle: Story = {
  args: { online: true, snapshot: {} },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toBeEmptyDOMElement();
  },
};

export const Offline: Story = {
  args: { online: false, snapshot: {} },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'You are offline. Your changes are kept on this device and sent when you reconnect.',
    );
  },
};

export const OfflineWithChangesWaiting: Story = {
  args: { online: false, snapshot: { pending: 3 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Changes waiting to be sent: 3');
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Online with changes waiting (a backoff after a server error): "Send now" starts a replay. */
export const ChangesWaiting: Story = {
  args: { online: true, snapshot: { pending: 2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Send now' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Sending your saved changes…');
  },
};

export const Sending: Story = {
  args: { online: true, snapshot: { pending: 2, replaying: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Sending your saved changes…');
  },
};

/** The server answered 401: nothing is sent until the user signs in again (`resume()`). */
export const Paused: Story = {
  args: { online: true, snapshot: { pending: 2, paused: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Sign in again to send your saved changes.',
    );
  },
};

/** The server refused two changes: each can be tried again or discarded. */
export const NeedAttention: Story = {
  args: {
    online: true,
    snapshot: { dead: [deadLetter('a'), deadLetter('b', 409, '/api/tasks/7')] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Changes that could not be sent: 2');
    await userEvent.click(canvas.getByRole('button', { name: /^Discard POST \/api\/tasks\/7/ }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Changes that could not be sent: 1');
  },
};
