import { expectReactRenderError, REACT_18 } from '../../helpers/console-errors';
import { act, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import {
  createNetworkStatus,
  createResilience,
  OfflineBanner,
  OfflineQueueProvider,
  ResilienceProvider,
  useOfflineQueue,
} from 'bulwark';
import { describe, expect, it } from 'vitest';
import { createFakeOfflineQueue, deadLetter } from '../../helpers/fake-offline-queue';

const network = (online: boolean) => {
  const status = createNetworkStatus(() => undefined);
  status.setOnline(online);
  return status;
};

describe('OfflineBanner', () => {
  it('keeps an empty polite live region when there is nothing to say', () => {
    render(<OfflineBanner queue={createFakeOfflineQueue()} network={network(true)} />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says offline, then how many changes wait, then sending, from the catalog', async () => {
    const queue = createFakeOfflineQueue({ pending: 3 }, 300);
    const status = network(false);
    render(<OfflineBanner queue={queue} network={status} />);
    expect(screen.getByRole('status')).toHaveTextContent('You are offline');
    expect(screen.getByRole('status')).toHaveTextContent('Changes waiting to be sent: 3');
    expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
    act(() => status.setOnline(true));
    await userEvent.click(screen.getByRole('button', { name: 'Send now' }));
    expect(queue.calls).toEqual(['replay']);
    await screen.findByText('Sending your saved changes…');
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('lists dead letters with Try again and Discard', async () => {
    const queue = createFakeOfflineQueue({ dead: [deadLetter('a'), deadLetter('b', 409, '/api/tasks')] });
    render(<OfflineBanner queue={queue} network={network(true)} />);
    expect(screen.getByRole('status')).toHaveTextContent('Changes that could not be sent: 2');
    expect(screen.getByText(/POST \/api\/tasks was refused \(409\)/)).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: /^Discard/ })[1]!);
    await userEvent.click(screen.getByRole('button', { name: /^Try again/ }));
    expect(queue.calls).toEqual(['discard:b', 'retry:a']);
    expect(screen.getByRole('status')).toHaveTextContent('Changes waiting to be sent: 1');
  });

  it('names each dead letter’s buttons with its request, so a list of them is not a row of identical names', () => {
    const queue = createFakeOfflineQueue({ dead: [deadLetter('a'), deadLetter('b', 409, '/api/tasks')] });
    render(<OfflineBanner queue={queue} network={network(true)} />);
    const names = screen.getAllByRole('button').map((button) => button.getAttribute('aria-labelledby') ?? '');
    expect(
      screen.getByRole('button', { name: /^Try again POST \/api\/tasks was refused \(409\)/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^Discard POST \/api\/notes was refused \(422\)/ }),
    ).toBeInTheDocument();
    expect(new Set(screen.getAllByRole('button').map((b) => b.textContent)).size).toBe(2);
    expect(names.every(Boolean)).toBe(true);
  });

  it('captures a button’s failure as a user action instead of swallowing it', async () => {
    const resilience = createResilience();
    const queue = {
      ...createFakeOfflineQueue({ dead: [deadLetter('a')] }),
      retry: () => Promise.reject(new Error('The outbox storage is gone')),
    };
    render(
      <ResilienceProvider resilience={resilience} presenters={false}>
        <OfflineBanner queue={queue} network={network(true)} />
      </ResilienceProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: /^Try again/ }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    const records = Object.values(resilience.store.getState().records);
    expect(records).toHaveLength(1);
    expect(records[0]?.error.message).toBe('The outbox storage is gone');
    expect(records[0]?.context).toMatchObject({ source: 'queue', userAction: 'retry a saved change' });
  });

  it('asks to sign in again while paused', () => {
    render(
      <OfflineBanner queue={createFakeOfflineQueue({ pending: 2, paused: true })} network={network(true)} />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Sign in again to send your saved changes.');
    expect(screen.queryByRole('button', { name: 'Send now' })).toBeNull();
  });
});

describe('useOfflineQueue', () => {
  it('reads the provider’s queue and re-renders on change', () => {
    const queue = createFakeOfflineQueue();
    function Count() {
      const { pending, dead } = useOfflineQueue();
      return <p>{`${pending} pending, ${dead.length} dead`}</p>;
    }
    render(
      <OfflineQueueProvider queue={queue}>
        <Count />
      </OfflineQueueProvider>,
    );
    expect(screen.getByText('0 pending, 0 dead')).toBeInTheDocument();
    act(() => queue.set({ pending: 2, dead: [deadLetter('x')] }));
    expect(screen.getByText('2 pending, 1 dead')).toBeInTheDocument();
  });

  it('throws a clear error outside a provider', () => {
    function Orphan() {
      useOfflineQueue();
      return null;
    }
    // React 18 also logs an error no boundary caught.
    if (REACT_18) expectReactRenderError('Orphan');
    expect(() => render(<Orphan />)).toThrow('`useOfflineQueue` must be used within `OfflineQueueProvider`');
  });
});
