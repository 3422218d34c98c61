import type { Meta, StoryObj } from '@storybook/react-vite';
import { defaultCatalog, FullscreenError } from 'bulwark';
import { expect, fn, userEvent, within } from 'storybook/test';
import { retryAction, sampleError } from './sample-errors';

const meta: Meta<typeof FullscreenError> = {
  title: 'Recovery UI/FullscreenError',
  component: FullscreenError,
  parameters: { layout: 'fullscreen' },
  args: { actions: [{ ...retryAction, run: fn() }], supportHref: '#support' },
};
export default meta;
type Story = StoryObj<typeof FullscreenError>;

const offersAWayOut: Story['play'] = async ({ args, canvasElement }) => {
  const canvas = within(canvasElement);
  const region = canvas.getByRole('region', { name: defaultCatalog.messages.server.title });
  await expect(region).toHaveFocus();
  await expect(canvas.getByRole('button', { name: 'Reload page' })).toBeVisible();
  await expect(canvas.getByRole('button', { name: 'Go to the home page' })).toBeVisible();
  await expect(canvas.getByRole('link', { name: 'Contact support' })).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await expect(args.actions![0]!.run).toHaveBeenCalledTimes(1);
};

export const Info: Story = { args: { error: sampleError('info') }, play: offersAWayOut };
export const Warning: Story = { args: { error: sampleError('warning') }, play: offersAWayOut };
export const Error: Story = { args: { error: sampleError('error') }, play: offersAWayOut };
export const Critical: Story = { args: { error: sampleError('critical') }, play: offersAWayOut };
