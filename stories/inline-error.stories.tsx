import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppError, defaultCatalog, InlineError } from 'bulwark';
import { expect, fn, userEvent, within } from 'storybook/test';
import { retryAction, sampleError } from './sample-errors';

const meta: Meta<typeof InlineError> = {
  title: 'Recovery UI/InlineError',
  component: InlineError,
  args: { actions: [{ ...retryAction, run: fn() }] },
};
export default meta;
type Story = StoryObj<typeof InlineError>;

const title = defaultCatalog.messages.server.title;
const showsTitleAndRetry: Story['play'] = async ({ canvasElement }) => {
  const canvas = within(canvasElement);
  await expect(canvas.getByText(title)).toBeVisible();
  await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
};

export const Info: Story = { args: { error: sampleError('info') }, play: showsTitleAndRetry };
export const Warning: Story = { args: { error: sampleError('warning') }, play: showsTitleAndRetry };
export const Error: Story = { args: { error: sampleError('error') }, play: showsTitleAndRetry };
export const Critical: Story = { args: { error: sampleError('critical') }, play: showsTitleAndRetry };

/** Feature-level: a card with a heading, announced at once. */
export const Card: Story = {
  args: { error: sampleError('error'), variant: 'card', interrupt: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent(title);
    await expect(canvas.getByRole('heading', { name: title })).toBeVisible();
  },
};

/** Component level: one line with an icon and Retry, for a small widget. */
export const Compact: Story = {
  args: { error: sampleError('error'), variant: 'compact' },
  play: async ({ args, canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.actions![0]!.run).toHaveBeenCalledTimes(1);
  },
};

/** Enter on the focused error runs the primary action. */
export const EnterRetries: Story = {
  args: { error: sampleError('error') },
  play: async ({ args, canvasElement }) => {
    canvasElement.querySelector<HTMLElement>('[data-bulwark="inline-error"]')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect(args.actions![0]!.run).toHaveBeenCalledTimes(1);
  },
};

/** Under a form field, pointed at with aria-describedby. */
export const FieldError: Story = {
  render: (args) => (
    <form>
      <label htmlFor="email">Email address</label>
      <input id="email" aria-invalid aria-describedby="email-error" defaultValue="ada@" />
      <InlineError {...args} id="email-error" />
    </form>
  ),
  args: {
    error: new AppError('invalid', {
      kind: 'validation',
      severity: 'warning',
      fieldErrors: { email: ['Enter an email address in the correct format, like name@example.com'] },
    }),
    actions: [],
  },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText('Email address');
    await expect(input).toHaveAccessibleDescription(/Some details need changing/);
    await expect(input).toHaveValue('ada@');
  },
};
