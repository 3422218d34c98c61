import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AppError,
  createResilience,
  InlineError,
  ResilienceProvider,
  useErrorStore,
  type Resilience,
} from 'bulwark';
import { expect, userEvent, waitFor, within } from 'storybook/test';

const failure = () => new AppError('Saving the draft failed', { kind: 'server' });

/** A Save button that always fails: the first failure shows inline, then the same error escalates. */
function Editor() {
  const record = useErrorStore((s) =>
    s.records.find((r) => r.status === 'active' && r.presentation === 'inline'),
  );
  return (
    <div>
      <button type="button" onClick={(e) => (e.currentTarget.dataset['clicked'] = 'y')}>
        Save draft
      </button>
      {record && <InlineError error={record.error} record={record} />}
    </div>
  );
}

const meta: Meta = {
  title: 'Scenarios/Escalation ladder',
  loaders: [() => ({ resilience: createResilience() })],
  render: (_args, { loaded }) => {
    const resilience = loaded['resilience'] as Resilience;
    return (
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <div
          onClickCapture={() => resilience.capture(failure(), { source: 'hook', userAction: 'save draft' })}
        >
          <Editor />
        </div>
      </ResilienceProvider>
    );
  },
};
export default meta;

/** Six failures of the same save: inline, toast, toast, dialog, dialog, fullscreen. */
export const StepByStep: StoryObj = {
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const save = () => userEvent.click(canvas.getByRole('button', { name: 'Save draft' }));
    const find = (what: string) => canvasElement.querySelector(`[data-bulwark="${what}"]`);
    const closeDialog = () =>
      userEvent.click(within(find('recovery-dialog') as HTMLElement).getByRole('button', { name: 'Close' }));

    await step('1st failure: shown gently, where it happened', async () => {
      await save();
      await waitFor(() => expect(find('inline-error')).not.toBeNull());
      await expect(find('toast')).toBeNull();
    });
    await step('2nd and 3rd: one toast, counting', async () => {
      await save();
      await waitFor(() => expect(find('toast')).not.toBeNull());
      await save();
      await waitFor(() => expect(find('toast')).toHaveTextContent('3 times'));
    });
    await step('4th and 5th: a dialog, toasts held', async () => {
      await save();
      await waitFor(() => expect(find('recovery-dialog')).not.toBeNull());
      await waitFor(() => expect(find('toast')).toBeNull());
      await closeDialog();
      await save();
      await waitFor(() => expect(find('recovery-dialog')).not.toBeNull());
      await closeDialog();
    });
    await step('6th: the fullscreen page', async () => {
      await save();
      await waitFor(() => expect(find('fullscreen-error')).not.toBeNull());
    });
  },
};
