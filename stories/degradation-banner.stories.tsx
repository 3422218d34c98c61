import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  DegradationBanner,
  ResilienceProvider,
  createNetworkStatus,
  createResilience,
  type DegradationLevel,
} from 'bulwark';
import { useState } from 'react';
import { expect, within } from 'storybook/test';

interface Args {
  level: DegradationLevel;
  reason?: string;
}

function BannerAt({ level, reason }: Args) {
  const [resilience] = useState(() => {
    const network = createNetworkStatus(() => undefined);
    const instance = createResilience({
      degradation: {
        network,
        features: { reduced: ['Recommendations'], minimal: ['Search', 'Comments'], offline: ['Checkout'] },
      },
    });
    // Offline comes from the network, as in an app; the other levels are set by the app.
    if (level === 'offline') network.setOnline(false);
    else instance.degradation.set(level, reason);
    return instance;
  });
  return (
    <ResilienceProvider resilience={resilience} presenters={false} globalHandlers={false}>
      <DegradationBanner />
    </ResilienceProvider>
  );
}

const meta: Meta<typeof BannerAt> = {
  title: 'Policies/DegradationBanner',
  component: BannerAt,
  argTypes: { level: { control: 'inline-radio', options: ['full', 'reduced', 'minimal', 'offline'] } },
};
export default meta;
type Story = StoryObj<typeof BannerAt>;

/** Everything works: the polite live region is there, and empty. */
export const Full: Story = {
  args: { level: 'full' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toBeEmptyDOMElement();
  },
};

export const Reduced: Story = {
  args: { level: 'reduced', reason: 'Our recommendation engine is being upgraded until 14:00.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const banner = canvas.getByRole('status');
    await expect(banner).toHaveTextContent('Some features are switched off while we fix a problem.');
    await expect(banner).toHaveTextContent('Our recommendation engine is being upgraded until 14:00.');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1);
  },
};

export const Minimal: Story = {
  args: { level: 'minimal' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Only the essentials are working');
    await expect(canvas.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Recommendations is not available right now.',
      'Search is not available right now.',
      'Comments is not available right now.',
    ]);
  },
};

export const Offline: Story = {
  args: { level: 'offline' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('You are offline.');
    await expect(canvas.getAllByRole('listitem')).toHaveLength(4);
  },
};
