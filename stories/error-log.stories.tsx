import type { Meta, StoryObj } from '@storybook/react-vite';
import { createResilience, ErrorLog, ResilienceContext, type ErrorRecord } from 'bulwark';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { makeErrorLogRecords, SAMPLE_NOW } from './sample-error-log';

const resilience = createResilience();

/** The log over given records, with no toaster or global handlers around it. */
function LogDemo({ records, onExport }: { records: readonly ErrorRecord[]; onExport?: () => void }) {
  return (
    <ResilienceContext.Provider value={resilience}>
      <ErrorLog records={records} now={SAMPLE_NOW} onExport={onExport} />
    </ResilienceContext.Provider>
  );
}

const meta: Meta<typeof LogDemo> = {
  title: 'Error log/ErrorLog',
  component: LogDemo,
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<typeof LogDemo>;

const rows = (canvasElement: HTMLElement) => canvasElement.querySelectorAll('tbody tr');

/** Nothing captured yet: the figures are zero and the table says so. */
export const Empty: Story = {
  args: { records: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { name: 'Error log' })).toBeVisible();
    await expect(canvas.getByText('No errors match.')).toBeVisible();
    await expect(rows(canvasElement)).toHaveLength(0);
  },
};

/** Ten records: open one, read its technical details, close it with Escape. */
export const TenRecords: Story = {
  args: { records: makeErrorLogRecords(10) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(rows(canvasElement)).toHaveLength(10);
    await userEvent.click(canvas.getByRole('button', { name: 'network failure #0 in checkout' }));
    const detail = canvas.getByRole('region', { name: 'network failure #0 in checkout' });
    await expect(detail).toHaveFocus();
    await expect(within(detail).getByText('E_NETWORK_0')).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(canvas.getByRole('button', { name: 'network failure #0 in checkout' })).toHaveFocus(),
    );
  },
};

/** 10,000 records: a page of 50 rows at a time; search and a filter narrow them, export gets the filtered rows. */
export const TenThousandRecords: Story = {
  args: { records: makeErrorLogRecords(10_000), onExport: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(rows(canvasElement)).toHaveLength(50);
    await expect(canvas.getByText('Errors 1–50 of 10000', { selector: 'caption' })).toBeVisible();
    await userEvent.type(canvas.getByLabelText('Search'), 'failure #999');
    // #999 and #9990–#9999
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(11));
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'active');
    await waitFor(() => expect(rows(canvasElement).length).toBeLessThan(11));
    const shown = rows(canvasElement).length;
    await userEvent.click(canvas.getByRole('button', { name: 'Export CSV' }));
    const [format, csv] = (args.onExport as ReturnType<typeof fn>).mock.calls[0] as [string, string];
    await expect(format).toBe('csv');
    await expect(csv.trimEnd().split('\r\n')).toHaveLength(shown + 1);
  },
};
