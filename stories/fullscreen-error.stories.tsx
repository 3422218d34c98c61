import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppError, defaultCatalog, FullscreenError } from 'bulwark';
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

/** A 1,000-character token in the message and the stack wraps or scrolls inside the view. */
export const LongMessage: Story = {
  args: {
    audience: 'developer',
    error: (() => {
      const error = new AppError(`Token ${'x'.repeat(1000)} was rejected`, { kind: 'server', status: 502 });
      error.stack = `AppError: ${'y'.repeat(1000)}\n    at saveDraft (https://app.example/${'z'.repeat(600)}.js:1:1)`;
      return error;
    })(),
  },
  play: async ({ canvasElement }) => {
    const view = canvasElement.querySelector<HTMLElement>('[data-bulwark="fullscreen-error"]')!;
    await expect(view.scrollWidth).toBeLessThanOrEqual(view.clientWidth);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
