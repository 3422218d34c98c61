import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AppError,
  DegradationBanner,
  InlineError,
  ResilienceProvider,
  compose,
  constant,
  createNetworkStatus,
  createResilience,
  retry,
  useAsyncAction,
  useCircuit,
  useResilience,
} from 'bulwark';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';

const HALF_OPEN_AFTER_MS = 1000;

/** A fake recommendations service: fails with a 503 until it is made healthy. */
function createService() {
  const healthy = { current: false };
  const setHealthy = (value: boolean) => {
    healthy.current = value;
  };
  const load = () =>
    new Promise<string[]>((resolve, reject) => {
      setTimeout(() => {
        if (healthy.current) resolve(['Rain jacket', 'Trail shoes', 'Thermos']);
        else reject(new AppError('Service unavailable', { kind: 'server', status: 503, retryable: true }));
      }, 20);
    });
  return { setHealthy, load };
}

function Recommendations({ service }: { service: ReturnType<typeof createService> }) {
  const resilience = useResilience();
  const [policy] = useState(() =>
    compose(retry({ attempts: 2, backoff: constant(50) }), resilience.breaker('recommendations')),
  );
  const action = useAsyncAction(() => service.load(), { policy, context: { feature: 'recommendations' } });
  const circuit = useCircuit('recommendations');
  const [healthy, setHealthy] = useState(false);
  return (
    <section aria-labelledby="recs-title" style={{ display: 'grid', gap: 12, maxWidth: '40rem' }}>
      <h2 id="recs-title" style={{ margin: 0, fontSize: 18 }}>
        Recommended for you
      </h2>
      <label>
        <input
          type="checkbox"
          checked={healthy}
          onChange={(event) => {
            service.setHealthy(event.target.checked);
            setHealthy(event.target.checked);
          }}
        />{' '}
        Service healthy
      </label>
      <p>
        Circuit: <strong data-testid="circuit">{circuit.state}</strong>
      </p>
      <button type="button" onClick={() => void action.run()} disabled={action.status === 'pending'}>
        Load recommendations
      </button>
      {action.status === 'error' && action.error ? <InlineError error={action.error} /> : null}
      {action.status === 'success' ? (
        <ul aria-label="Recommendations">
          {action.data?.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function FlakyServiceDemo() {
  const [resilience] = useState(() =>
    createResilience({
      breakers: { failureThreshold: 3, halfOpenAfterMs: HALF_OPEN_AFTER_MS },
      degradation: {
        // The story's own network status, so the story never depends on the machine's connection.
        network: createNetworkStatus(() => undefined),
        breakerFeatures: { recommendations: ['Recommendations'] },
      },
    }),
  );
  const [service] = useState(createService);
  return (
    <ResilienceProvider resilience={resilience} presenters={false} globalHandlers={false}>
      <div style={{ display: 'grid', gap: 16 }}>
        <DegradationBanner />
        <Recommendations service={service} />
      </div>
    </ResilienceProvider>
  );
}

const meta: Meta = { title: 'Policies/Flaky service', render: () => <FlakyServiceDemo /> };
export default meta;

/**
 * The service fails: two loads (two attempts each) open the breaker after 3 failures, the banner
 * says recommendations are off, and the next load fast-fails. The service recovers: after the
 * half-open time the banner goes, and a load is the trial that closes the breaker.
 */
export const OpensAndRecovers: StoryObj = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const load = canvas.getByRole('button', { name: 'Load recommendations' });
    const banner = canvas.getByRole('status');
    await expect(banner).toBeEmptyDOMElement();

    await userEvent.click(load);
    await waitFor(() => expect(load).toBeEnabled());
    await expect(canvas.getByTestId('circuit')).toHaveTextContent('closed');
    await userEvent.click(load);
    await waitFor(() => expect(canvas.getByTestId('circuit')).toHaveTextContent('open'));
    await expect(banner).toHaveTextContent('Some features are switched off while we fix a problem.');
    await expect(banner).toHaveTextContent('Recommendations is not available right now.');

    await waitFor(() => expect(load).toBeEnabled());
    await userEvent.click(load);
    await waitFor(() => expect(canvas.getByText('Temporarily unavailable')).toBeVisible());

    await userEvent.click(canvas.getByRole('checkbox', { name: 'Service healthy' }));
    await waitFor(() => expect(banner).toBeEmptyDOMElement(), { timeout: HALF_OPEN_AFTER_MS * 3 });
    await userEvent.click(load);
    await waitFor(() => expect(canvas.getByTestId('circuit')).toHaveTextContent('closed'));
    await expect(canvas.getByRole('list', { name: 'Recommendations' })).toHaveTextContent('Trail shoes');
  },
};
