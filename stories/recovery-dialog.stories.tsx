import type { Meta, StoryObj } from '@storybook/react-vite';
import { RecoveryDialog } from 'bulwark';
import { expect, fn, userEvent, within } from 'storybook/test';
import { retryAction, sampleError } from './sample-errors';

const meta: Meta<typeof RecoveryDialog> = {
  title: 'Recovery UI/RecoveryDialog',
  component: RecoveryDialog,
  args: { actions: [{ ...retryAction, run: fn() }], onDismiss: fn() },
};
export default meta;
type Story = StoryObj<typeof RecoveryDialog>;

const focusesPrimaryAndEscapes: Story['play'] = async ({ args, canvasElement }) => {
  const canvas = within(canvasElement);
  await expect(canvas.getByRole('alertdialog')).toBeVisible();
  await expect(canvas.getByRole('button', { name: 'Try again' })).toHaveFocus();
  await userEvent.keyboard('{Escape}');
  await expect(args.onDismiss).toHaveBeenCalledTimes(1);
};

export const Info: Story = { args: { error: sampleError('info') }, play: focusesPrimaryAndEscapes };
export const Warning: Story = { args: { error: sampleError('warning') }, play: focusesPrimaryAndEscapes };
export const Error: Story = { args: { error: sampleError('error') }, play: focusesPrimaryAndEscapes };
export const Critical: Story = { args: { error: sampleError('critical') }, play: focusesPrimaryAndEscapes };

/** No Close button, and Escape does nothing: the user must pick a recovery. */
export const NotDismissible: Story = {
  args: { error: sampleError('critical'), dismissible: false },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('alertdialog')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Close' })).toBeNull();
    await expect(args.onDismiss).not.toHaveBeenCalled();
  },
};
