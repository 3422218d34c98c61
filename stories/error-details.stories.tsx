import type { Meta, StoryObj } from '@storybook/react-vite';
import { ErrorDetails, SEVERITIES } from 'bulwark';
import { expect, userEvent, within } from 'storybook/test';
import { sampleError } from './sample-errors';

const meta: Meta<typeof ErrorDetails> = { title: 'Recovery UI/ErrorDetails', component: ErrorDetails };
export default meta;
type Story = StoryObj<typeof ErrorDetails>;

/** Each level opens in turn: the plain message, then what was tried, then the technical facts. */
export const EndUser: Story = {
  args: { error: sampleError('error') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('req-7f3a9c')).not.toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show details' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Technical details' }));
    await expect(canvas.getByText('req-7f3a9c')).toBeVisible();
    await expect(canvas.getByLabelText('Stack trace')).toHaveTextContent('saveDraft');
  },
};

export const Developer: Story = {
  args: { error: sampleError('error'), audience: 'developer' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('HTTP_503')).toBeVisible();
  },
};

/** One per severity, technical level open. */
export const EverySeverity: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {SEVERITIES.map((severity) => (
        <ErrorDetails
          key={severity}
          error={sampleError(severity, `A ${severity} failure`)}
          audience="developer"
          titleAs="h3"
        />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('heading')).toHaveLength(SEVERITIES.length);
  },
};
