// The page of the "Resumable batch job" story, in an iframe of its own so "Reload the page" is a real
// reload: everything it knows afterwards comes from storage. `?name=` names its draft store.
import { createDraftStore, useResumableJob } from 'bulwark';
import { createRoot } from 'react-dom/client';

const name = new URLSearchParams(location.search).get('name') ?? 'story-job';
const store = createDraftStore({ name });
const photos = Array.from({ length: 30 }, (_, i) => ({ id: `photo-${i + 1}` }));

/**
 * A pretend upload server, kept in localStorage so it outlives the page: it counts the uploads it was
 * sent and stores each photo once per Idempotency-Key, as a real server that dedupes would.
 */
const server = {
  upload(id: string, idempotencyKey: string) {
    const sent = `${name}:sent:${id}`;
    localStorage.setItem(sent, String(Number(localStorage.getItem(sent) ?? 0) + 1));
    localStorage.setItem(`${name}:stored:${idempotencyKey}`, id);
  },
};

function Upload() {
  const job = useResumableJob(
    'story:upload',
    photos,
    async (photo, { signal, idempotencyKey }) => {
      server.upload(photo.id, idempotencyKey);
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
        {job.status !== 'running' && job.status !== 'done' && job.status !== 'checking' && (
          <button type="button" onClick={() => void job.resume()}>
            {job.status === 'interrupted' ? 'Resume' : 'Start upload'}
          </button>
        )}
        {job.status === 'running' && (
          <button type="button" onClick={() => void job.cancel()}>
            Cancel
          </button>
        )}
        <button type="button" onClick={() => location.reload()}>
          Reload the page
        </button>
      </div>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(<Upload />);
