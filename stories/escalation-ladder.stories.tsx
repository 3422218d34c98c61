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

/** A Save button that always fails and renders its error where it happened (an inline surface). */
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
          onClickCapture={(event) =>
            (event.target as HTMLElement).textContent === 'Save draft' &&
            resilience.capture(failure(), { source: 'hook', userAction: 'save draft', inlineSurface: true })
          }
        >
          <Editor />
        </div>
      </ResilienceProvider>
    );
  },
};
export default meta;

/**
 * Six failures of the same save: shown where it happened, counting, in one place (no toast on top); from the
 * 4th the user is blocked, so a dialog; never the whole page for it.
 */
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
    await step('2nd and 3rd: still there, counting, and no toast as well', async () => {
      await save();
      await save();
      await userEvent.click(canvas.getByRole('button', { name: 'Show details' }));
      await waitFor(() => expect(find('inline-error')).toHaveTextContent('3 times'));
      await expect(find('toast')).toBeNull();
    });
    await step('4th to 6th: the save keeps failing, so a dialog; never the fullscreen page', async () => {
      for (let i = 4; i <= 6; i++) {
        await save();
        await waitFor(() => expect(find('recovery-dialog')).not.toBeNull());
        await expect(find('inline-error')).toBeNull();
        await closeDialog();
        await waitFor(() => expect(find('recovery-dialog')).toBeNull());
      }
      await expect(find('fullscreen-error')).toBeNull();
    });
  },
};

/** 10,000 of one background error (a poll that keeps failing): one toast that counts, never a takeover. */
export const BackgroundStorm: StoryObj = {
  render: (_args, { loaded }) => {
    const resilience = loaded['resilience'] as Resilience;
    const storm = () => {
      for (let i = 0; i < 10_000; i++)
        resilience.capture(new AppError('Polling /api/status failed', { kind: 'server' }), {
          source: 'policy',
          name: 'status',
        });
    };
    return (
      <ResilienceProvider resilience={resilience} globalHandlers={false}>
        <button type="button" onClick={storm}>
          Start polling storm
        </button>
      </ResilienceProvider>
    );
  },
  play: async ({ canvasElement, loaded }) => {
    const resilience = loaded['resilience'] as Resilience;
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Start polling storm' }));
    // A behaviour check, not a speed goal (those are in bench/storm.bench.ts): the storm drains in
    // time-budgeted slices, which take longer on a loaded CI machine.
    await waitFor(() => expect(resilience.store.getState().records[0]?.count).toBe(10_000), {
      timeout: 60_000,
    });
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-bulwark="toast"]')).toHaveLength(1));
    await expect(resilience.store.getState().records[0]?.presentation).toBe('toast');
    await expect(canvasElement.querySelector('dialog')).toBeNull();
  },
};
