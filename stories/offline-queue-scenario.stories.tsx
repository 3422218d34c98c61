import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  createNetworkStatus,
  OfflineBanner,
  OfflineQueueProvider,
  useNetworkStatus,
  useOfflineQueue,
  type NetworkStatus,
} from 'bulwark';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createFakeOfflineQueue, type FakeOfflineQueue } from '../test/helpers/fake-offline-queue';

// The whole round trip with a fake outbox (the real one needs a service worker; it is tested in
// test/offline): go offline, save three notes (each "queued"), come back, watch them go.
function NotesApp() {
  const [parts] = useState<Parts>(() => ({
    network: createNetworkStatus(() => undefined),
    queue: createFakeOfflineQueue({}, 800),
  }));
  return (
    <OfflineQueueProvider queue={parts.queue}>
      <Notes parts={parts} />
    </OfflineQueueProvider>
  );
}

interface Parts {
  network: NetworkStatus;
  queue: FakeOfflineQueue;
}

function Notes({ parts }: { parts: Parts }) {
  const online = useNetworkStatus({ status: parts.network });
  const { pending, replay } = useOfflineQueue();
  const [saved, setSaved] = useState(0);
  // What registerOfflineQueue does on `online`.
  useEffect(() => {
    if (online) void replay();
  }, [online, replay]);
  const save = () => {
    setSaved((n) => n + 1);
    parts.queue.set({ pending: pending + 1 });
  };
  return (
    <div style={{ fontFamily: 'system-ui, sans-serif', display: 'grid', gap: 12, maxWidth: '40rem' }}>
      <OfflineBanner network={parts.network} />
      <p>{`Notes saved: ${saved}`}</p>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={save}>
          Save note
        </button>
        <button type="button" onClick={() => parts.network.setOnline(!online)}>
          {online ? 'Go offline' : 'Go online'}
        </button>
      </div>
    </div>
  );
}

const meta: Meta<typeof NotesApp> = { title: 'Offline/Offline queue scenario', component: NotesApp };
export default meta;

export const OfflineThenBack: StoryObj<typeof NotesApp> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByRole('status');
    await userEvent.click(canvas.getByRole('button', { name: 'Go offline' }));
    await expect(status).toHaveTextContent('You are offline');
    for (let i = 0; i < 3; i++) await userEvent.click(canvas.getByRole('button', { name: 'Save note' }));
    await expect(status).toHaveTextContent('Changes waiting to be sent: 3');
    await userEvent.click(canvas.getByRole('button', { name: 'Go online' }));
    await expect(status).toHaveTextContent('Sending your saved changes…');
    await waitFor(() => expect(status).toBeEmptyDOMElement(), { timeout: 3000 });
    await expect(canvas.getByText('Notes saved: 3')).toBeInTheDocument();
  },
};
