import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppError, ErrorDetails, InlineError } from 'bulwark';
import { expect, within } from 'storybook/test';

const longMessage = `Could not save the quarterly report because ${'the upstream ledger service rejected the batch, '.repeat(12)}and <script>alert("no")</script> was in the payload: ${'x'.repeat(1000)}`;
const longError = () => {
  const error = new AppError(longMessage, { kind: 'server', code: 'LEDGER_BATCH_REJECTED', status: 502 });
  error.stack = [
    `AppError: ${longMessage}`,
    ...Array.from(
      { length: 80 },
      (_, i) => `    at frame${i} (https://app.example/assets/chunk-${i}.js:${i + 10}:${i + 3})`,
    ),
  ].join('\n');
  return error;
};

/**
 * A long message, a 1,000-character unbroken token and an 80-frame stack: text wraps inside its box, the stack
 * scrolls in its own keyboard-focusable box; HTML stays text.
 */
const meta: Meta = { title: 'Scenarios/Long message and stack' };
export default meta;

export const LongMessageLongStack: StoryObj = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <ErrorDetails error={longError()} audience="developer" />
      <InlineError error={longError()} variant="card" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [stack] = canvas.getAllByLabelText('Stack trace');
    await expect(stack!.scrollHeight).toBeGreaterThan(stack!.clientHeight);
    await expect(stack).toHaveAttribute('tabindex', '0');
    await expect(canvasElement.querySelector('script')).toBeNull();
    await expect(canvas.getAllByTestId('error-message')[0]).toHaveTextContent('<script>alert("no")</script>');
    // Nothing wider than the page: the 1,000-character token wraps.
    for (const box of canvasElement.querySelectorAll<HTMLElement>('[data-bulwark="inline-error"]'))
      await expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
    await expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
  },
};
