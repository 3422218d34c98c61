// Issue 10 (break-it finding F14): nested providers, or a provider plus the app's own <RecoveryToaster>, showed
// every record twice. One toaster, one dialog host and one fullscreen host per instance show records.
import { act, render, screen } from '@testing-library/react';
import {
  AppError,
  createResilience,
  FullscreenErrorHost,
  RecoveryDialogHost,
  RecoveryToaster,
  ResilienceProvider,
  type Resilience,
} from 'bulwark';
import { useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const toasts = () => document.querySelectorAll('[data-bulwark="toast"]');
/** The throttle timer, then React's render and effects, then sonner's own timer. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await act(() => vi.advanceTimersByTime(400));
};
const fail = (resilience: Resilience, presentation: 'toast' | 'dialog' | 'fullscreen' = 'toast') =>
  act(() => void resilience.capture(new AppError('down', { kind: 'server' }), { presentation }));
const provider = (resilience: Resilience, children: ReactNode, presenters = true) => (
  <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={presenters}>
    {children}
  </ResilienceProvider>
);

/** A dialog-level failure shows one dialog; after it, a fullscreen-level one shows one fullscreen host. */
async function expectOneDialogAndOneFullscreen(resilience: Resilience) {
  fail(resilience, 'dialog');
  await settle();
  expect(document.querySelectorAll('[data-bulwark="recovery-dialog"]')).toHaveLength(1);
  act(() => resilience.store.getState().clear());
  fail(resilience, 'fullscreen');
  await settle();
  expect(document.querySelectorAll('[data-bulwark="fullscreen-host"]')).toHaveLength(1);
}

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  vi.useFakeTimers();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  vi.useRealTimers();
});

describe('one presenter of each kind per instance', () => {
  it('nested providers for the same instance show each toast once, without a warning', async () => {
    const resilience = createResilience();
    render(provider(resilience, provider(resilience, <p>app</p>)));
    fail(resilience);
    await settle();
    expect(toasts()).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
  });

  it('nested providers show one dialog and one fullscreen error', async () => {
    const resilience = createResilience();
    render(provider(resilience, provider(resilience, <p>app</p>)));
    await expectOneDialogAndOneFullscreen(resilience);
  });

  it('a provider plus the app’s own <RecoveryToaster> shows each toast once, with the app’s settings, and warns once', async () => {
    const resilience = createResilience();
    render(provider(resilience, <RecoveryToaster position="top-center" />));
    fail(resilience);
    await settle();
    expect(toasts()).toHaveLength(1);
    // The app's own toaster is the one shown: its position, not the provider's bottom-right.
    expect(document.querySelector('[data-sonner-toaster]')?.getAttribute('data-y-position')).toBe('top');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/more than one <RecoveryToaster>.*presenters=\{false\}/);
  });

  it('keeps the warning out of a production build (NODE_ENV=production)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      const resilience = createResilience();
      render(provider(resilience, <RecoveryToaster />));
      fail(resilience);
      await settle();
      expect(toasts()).toHaveLength(1);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('two of the app’s own dialog and fullscreen hosts show one each', async () => {
    const resilience = createResilience();
    render(
      provider(
        resilience,
        <>
          <RecoveryDialogHost />
          <RecoveryDialogHost />
          <FullscreenErrorHost />
          <FullscreenErrorHost />
        </>,
        false,
      ),
    );
    await expectOneDialogAndOneFullscreen(resilience);
  });

  it('when the toaster shown unmounts, the other one takes over', async () => {
    const resilience = createResilience();
    let remove = () => {};
    function Own() {
      const [shown, setShown] = useState(true);
      remove = () => setShown(false);
      return shown ? <RecoveryToaster position="top-center" /> : null;
    }
    render(provider(resilience, <Own />));
    act(() => remove());
    fail(resilience);
    await settle();
    expect(toasts()).toHaveLength(1);
    expect(document.querySelector('[data-sonner-toaster]')?.getAttribute('data-y-position')).toBe('bottom');
  });

  it('two instances each keep their own toaster', async () => {
    const outer = createResilience();
    const inner = createResilience();
    render(provider(outer, provider(inner, <p>app</p>)));
    fail(outer);
    fail(inner);
    await settle();
    expect(toasts()).toHaveLength(2);
    expect(screen.getAllByText(/went wrong on our side/)).toHaveLength(2);
  });
});
