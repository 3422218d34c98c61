import type { Meta, StoryObj } from '@storybook/react-vite';
import { createResilience, FeatureBoundary, ResilienceProvider, type Resilience } from 'bulwark';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** A chart whose data is malformed until it is fetched again (what `onReset` does here). */
function makeChart() {
  let malformed = true;
  return {
    refetch: () => void (malformed = false),
    Chart: function SalesChart() {
      if (malformed) throw new Error('Chart data was malformed');
      return <p>Sales are up 12% this month.</p>;
    },
  };
}
type ChartModel = ReturnType<typeof makeChart>;

function Dashboard({ chart }: { chart: ChartModel }) {
  const [notes, setNotes] = useState('');
  return (
    <main>
      <h1>Dashboard</h1>
      <label htmlFor="notes">Notes</label>
      <textarea id="notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      <section aria-label="Sales">
        <FeatureBoundary name="sales-chart" onReset={chart.refetch}>
          <chart.Chart />
        </FeatureBoundary>
      </section>
      <p>Everything else on this page keeps working.</p>
    </main>
  );
}

const meta: Meta = {
  title: 'Boundaries/Feature crash in a healthy page',
  loaders: [() => ({ resilience: createResilience(), chart: makeChart() })],
  render: (_args, { loaded }) => (
    <ResilienceProvider resilience={loaded['resilience'] as Resilience} globalHandlers={false}>
      <Dashboard chart={loaded['chart'] as ChartModel} />
    </ResilienceProvider>
  ),
};
export default meta;

const crashStaysInside = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  const sales = within(canvas.getByRole('region', { name: 'Sales' }));
  await waitFor(() => expect(sales.getByRole('button', { name: 'Try again' })).toBeInTheDocument());
  await expect(canvas.getByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
  await userEvent.type(canvas.getByLabelText('Notes'), 'call the supplier');
  return { canvas, sales };
};

/** The chart crashed: its card stays on screen with a way out, and the rest of the page keeps working. */
export const FeatureCrash: StoryObj = {
  play: async ({ canvasElement }) => {
    const { sales } = await crashStaysInside(canvasElement);
    // Stops here, so the crashed state is what the story shows.
    await expect(sales.queryByText('Sales are up 12% this month.')).toBeNull();
  },
};

/** Try again brings the chart back and keeps what the user typed. */
export const FeatureCrashRecovers: StoryObj = {
  play: async ({ canvasElement, step, loaded }) => {
    const { canvas, sales } = await crashStaysInside(canvasElement);
    await step('Try again recovers the feature and keeps the notes', async () => {
      await userEvent.click(sales.getByRole('button', { name: 'Try again' }));
      await expect(sales.getByText('Sales are up 12% this month.')).toBeInTheDocument();
      await expect(canvas.getByLabelText('Notes')).toHaveValue('call the supplier');
      // The retry worked: the record is resolved, so a later failure starts gently.
      const [record] = (loaded['resilience'] as Resilience).store.getState().records;
      await expect(record?.status).toBe('recovered');
    });
  },
};
