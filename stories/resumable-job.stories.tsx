/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';

/**
 * The upload page runs in an iframe, so its "Reload the page" button is a real `location.reload()`:
 * the page is torn down (its `pagehide` stops the run) and loaded again with nothing but its storage.
 * Reloading the story itself would restart this story's test too.
 */
function BatchJob({ name }: { name: string }) {
  // In the static build the page is bundled beside iframe.html (see .storybook/main.ts).
  const page = import.meta.env.DEV
    ? new URL('./pages/resumable-job.html', import.meta.url)
    : new URL('stories/pages/resumable-job.html', document.baseURI);
  page.searchParams.set('name', name);
  return (
    <iframe
      src={page.href}
      title="Photo upload page"
      style={{ width: '100%', maxWidth: '32rem', height: '12rem', border: '1px solid #d1d5db' }}
    />
  );
}

const meta: Meta = {
  title: 'Offline/Resumable batch job',
  // A store of its own per story, so stories never see each other's jobs; the page reads it from its URL.
  loaders: [() => ({ name: `story-job-${crypto.randomUUID()}` })],
  render: (_args, { loaded }) => <BatchJob name={loaded['name'] as string} />,
};
export default meta;

/** The frame's current document: a new one after each reload. */
const frameDocument = (canvas: HTMLElement): Document => {
  const document = canvas.querySelector('iframe')?.contentDocument;
  if (!document) throw new Error('the upload page has not loaded');
  return document;
};

/** Waits for a button of the page by its text, in whatever document the frame shows then. */
const findButton = (canvas: HTMLElement, text: string, notIn?: Document) =>
  waitFor(
    () => {
      const document = frameDocument(canvas);
      if (document === notIn) throw new Error('the page has not reloaded yet');
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === text);
      if (!button) throw new Error(`no "${text}" button`);
      return button;
    },
    { timeout: 10_000 },
  );

/**
 * Started, reloaded part-way (a real reload of the page), resumed: the bar finishes, no finished photo
 * is uploaded again, and the one in flight at the reload is sent again under the same Idempotency-Key,
 * so the server stores every photo once.
 */
export const ReloadAndResume: StoryObj = {
  play: async ({ canvasElement, loaded }) => {
    const name = loaded['name'] as string;
    (await findButton(canvasElement, 'Start upload')).click();
    const bar = () => frameDocument(canvasElement).querySelector('progress')!;
    await waitFor(() => expect(Number(bar().getAttribute('value'))).toBeGreaterThanOrEqual(8), {
      timeout: 5000,
    });
    const before = frameDocument(canvasElement);
    (await findButton(canvasElement, 'Reload the page')).click();

    const resume = await findButton(canvasElement, 'Resume', before);
    const stoppedAt = Number(bar().getAttribute('value'));
    await expect(stoppedAt).toBeGreaterThanOrEqual(8);
    const status = () => frameDocument(canvasElement).querySelector('[role="status"]')!;
    await expect(status()).toHaveTextContent(`This stopped after ${stoppedAt} of 30`);
    resume.click();
    await waitFor(() => expect(status()).toHaveTextContent('30 of 30 done'), { timeout: 5000 });

    // Only the photo in flight at the reload was sent twice; the server stored each photo once.
    const sent = Array.from({ length: 30 }, (_, i) =>
      Number(localStorage.getItem(`${name}:sent:photo-${i + 1}`)),
    );
    await expect(sent.every((count) => count >= 1)).toBe(true);
    await expect(sent.filter((count) => count > 1).length).toBeLessThanOrEqual(1);
    const stored = Object.keys(localStorage).filter((key) => key.startsWith(`${name}:stored:`));
    await expect(stored).toHaveLength(30);
  },
};
