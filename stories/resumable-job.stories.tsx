import type { Meta, StoryObj } from '@storybook/react-vite';
import { createDraftStore, useResumableJob, type DraftStore } from 'bulwark';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';

const photos = Array.from({ length: 30 }, (_, i) => ({ id: `photo-${i + 1}` }));

/** A batch upload; everything it knows after a reload comes from its checkpoint. */
function Upload({ store, runs }: { store: DraftStore; runs: Map<string, number> }) {
  const job = useResumableJob(
    'story:upload',
    photos,
    async (photo, { signal }) => {
      runs.set(photo.id, (runs.get(photo.id) ?? 0) + 1);
      // A pretend upload of 40 ms that stops when the run is stopped.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 40);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason as Error);
        });
      });
    },
    { store },
  );
  const { done, total } = job.progress;
  return (
    <section
      aria-label="Photo upload"
      style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', gap: 8, maxWidth: '28rem' }}
    >
      <label htmlFor="upload-progress">Uploading photos</label>
      <progress id="upload-progress" value={done} max={total} />
      <p role="status" style={{ margin: 0 }}>
        {job.status === 'interrupted'
          ? `This stopped after ${done} of ${total}. Resume to finish the rest.`
          : `${done} of ${total} done`}
      </p>
      <div style={{ display: 'flex', gap: 8 }}>
        {job.status !== 'running' && job.status !== 'done' && (
          <button type="button" onClick={() => void job.resume()}>
            {job.status === 'interrupted' ? 'Resume' : 'Start upload'}
          </button>
        )}
        {job.status === 'running' && (
          <button type="button" onClick={() => void job.cancel()}>
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * "Reload the page" remounts the upload with nothing but its storage, as a reload does (a real reload
 * would also restart this story's test; test/browser/offline reloads a real page).
 */
function BatchJob({ store, runs }: { store: DraftStore; runs: Map<string, number> }) {
  const [page, setPage] = useState(0);
  return (
    <div>
      <Upload key={page} store={store} runs={runs} />
      <button type="button" style={{ marginTop: 16 }} onClick={() => setPage((n) => n + 1)}>
        Reload the page
      </button>
    </div>
  );
}

const meta: Meta = {
  title: 'Offline/Resumable batch job',
  loaders: [
    () => ({
      store: createDraftStore({ name: `story-job-${crypto.randomUUID()}` }),
      // Uploads started per photo, kept outside the component like a server's log.
      runs: new Map<string, number>(),
    }),
  ],
  render: (_args, { loaded }) => (
    <BatchJob store={loaded['store'] as DraftStore} runs={loaded['runs'] as Map<string, number>} />
  ),
};
export default meta;

/** Started, reloaded part-way, resumed: the bar finishes and no finished photo is uploaded again. */
export const ReloadAndResume: StoryObj = {
  play: async ({ canvasElement, loaded }) => {
    const page = within(canvasElement);
    await userEvent.click(await page.findByRole('button', { name: 'Start upload' }));
    const bar = () => page.getByRole('progressbar', { name: 'Uploading photos' });
    await waitFor(() => expect(Number(bar().getAttribute('value'))).toBeGreaterThanOrEqual(8), {
      timeout: 5000,
    });
    await userEvent.click(page.getByRole('button', { name: 'Reload the page' }));
    const resume = await page.findByRole('button', { name: 'Resume' });
    const stoppedAt = Number(bar().getAttribute('value'));
    await expect(stoppedAt).toBeGreaterThanOrEqual(8);
    await expect(page.getByRole('status')).toHaveTextContent(`This stopped after ${stoppedAt} of 30`);
    await userEvent.click(resume);
    await waitFor(() => expect(page.getByRole('status')).toHaveTextContent('30 of 30 done'), {
      timeout: 5000,
    });
    // Only the photo in flight at the reload could start twice; every finished one ran once.
    const runs = [...(loaded['runs'] as Map<string, number>).values()];
    await expect(runs).toHaveLength(30);
    await expect(runs.filter((count) => count > 1).length).toBeLessThanOrEqual(1);
  },
};
