// Exactly one Sentry event per error: a boundary-caught error under React 19 with `resilience.reactRootOptions()`
// wired into the root, bulwark's Sentry reporter and a real @sentry/react posting to 127.0.0.1.
import * as Sentry from '@sentry/react';
import { act } from '@testing-library/react';
import { createResilience, ErrorBoundary, ResilienceContext, type Resilience } from 'bulwark';
import { bulwarkSentryOptions, createSentryReporter } from 'bulwark/sentry';
import { version } from 'react';
import { createRoot, type RootOptions } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEnvelopeServer, type EnvelopeServer } from '../helpers/envelope-server';
import { Bomb } from '../react/boundary/helpers';
import { nextPaint } from '../helpers/next-paint';

const react19 = version.startsWith('19');
let server: EnvelopeServer;
beforeAll(async () => {
  server = await startEnvelopeServer();
});
afterAll(() => server.close());
afterEach(async () => {
  vi.restoreAllMocks();
  await Sentry.close(2000);
  server.envelopes.length = 0;
});

async function crashInBoundary(rootOptions: (resilience: Resilience) => RootOptions) {
  Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
  const resilience = createResilience({ reporters: [createSentryReporter({ Sentry })] });
  const root = createRoot(document.createElement('div'), rootOptions(resilience));
  act(() =>
    root.render(
      <ResilienceContext.Provider value={resilience}>
        <ErrorBoundary level="feature" name="cart" fallback={<p>cart unavailable</p>}>
          {/* React 19 logs nothing when the root has onCaughtError; React 18 has no root options. */}
          <Bomb error={new Error('cart exploded')} logged={!react19} />
        </ErrorBoundary>
      </ResilienceContext.Provider>,
    ),
  );
  // The boundary's capture is recorded and reported once the fallback is painted (issue 11).
  await nextPaint();
  act(() => root.unmount());
  await Sentry.flush(5000);
  return server.items('event') as {
    exception?: { values?: { value?: string }[] };
    tags?: Record<string, string>;
  }[];
}

describe('one Sentry event per boundary-caught error', () => {
  it('arrives once with resilience.reactRootOptions() on the root', async () => {
    const events = await crashInBoundary((resilience) => resilience.reactRootOptions());
    expect(events).toHaveLength(1);
    expect(events[0]!.exception?.values?.at(-1)?.value).toBe('cart exploded');
    expect(events[0]!.tags).toMatchObject({
      'bulwark.boundary.level': 'feature',
      'bulwark.boundary.name': 'cart',
    });
  });

  it('would arrive twice with Sentry’s reactErrorHandler on the root instead (why bulwark’s options replace it)', async () => {
    const events = await crashInBoundary(() => ({
      onCaughtError: Sentry.reactErrorHandler(),
      onUncaughtError: Sentry.reactErrorHandler(),
    }));
    // React 18 has no root error options: there only the boundary reports.
    expect(events).toHaveLength(react19 ? 2 : 1);
  });
});
