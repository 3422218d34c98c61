import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppError, ErrorDetails, SEVERITIES, type ErrorKind, type Severity } from 'bulwark';
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
    // The UI font, not the browser's serif default, even outside a surface.
    await expect(getComputedStyle(canvas.getByRole('heading')).fontFamily).toMatch(/^system-ui/);
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

/** A failure typical of each severity, so each has its own title. */
const kindFor: Record<Severity, ErrorKind> = {
  info: 'aborted',
  warning: 'rate-limit',
  error: 'server',
  critical: 'conflict',
};
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');
const failureOf = (severity: Severity) => {
  const message = `${article(severity)} ${severity} failure`;
  const error = new AppError(message, {
    kind: kindFor[severity],
    severity,
    code: `SAMPLE_${severity.toUpperCase()}`,
  });
  error.stack = `AppError: ${message}\n    at saveDraft (https://app.example/assets/editor.js:412:17)`;
  return error;
};

/** One per severity, technical level open. */
export const EverySeverity: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {SEVERITIES.map((severity) => (
        <ErrorDetails key={severity} error={failureOf(severity)} audience="developer" titleAs="h3" />
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const titles = canvas.getAllByRole('heading').map((h) => h.textContent);
    await expect(new Set(titles).size).toBe(SEVERITIES.length);
    await expect(canvas.getByText('An info failure')).toBeVisible();
    await expect(canvas.getByText('A warning failure')).toBeVisible();
  },
};
