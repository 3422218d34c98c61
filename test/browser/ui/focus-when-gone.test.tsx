// Issue 10 (break-it finding F11): when an error view went away and the control that had focus was gone
// meanwhile, focus fell to <body> and a keyboard or screen-reader user started again from the top. It goes to
// the same control rendered anew, else to the nearest place still in the page.
import { act, render, screen } from '@testing-library/react';
import { AppError, createResilience, FeatureBoundary, RecoveryDialog, ResilienceProvider } from 'bulwark';
import { useState, type ReactNode } from 'react';
import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';

const retryWorks = [{ id: 'retry', primary: true, run: () => Promise.resolve() }];

function renderApp(children: ReactNode) {
  const resilience = createResilience();
  render(
    <ResilienceProvider resilience={resilience} globalHandlers={false}>
      {children}
    </ResilienceProvider>,
  );
  return resilience;
}

/** A page whose "Sync now" button a poll may remove (`hide`) or render again as a new node (`renew`). */
function makePage() {
  const page = { hide: () => {}, renew: () => {} };
  function Page() {
    const [state, setState] = useState({ shown: true, version: 0 });
    page.hide = () => setState((s) => ({ ...s, shown: false }));
    page.renew = () => setState((s) => ({ ...s, version: s.version + 1 }));
    return (
      <main data-testid="main">
        <h1>Orders</h1>
        {state.shown && (
          <button key={state.version} type="button">
            Sync now
          </button>
        )}
      </main>
    );
  }
  return { page, Page };
}

async function fullscreenRetry(resilience: ReturnType<typeof createResilience>, meanwhile: () => void) {
  act(
    () =>
      void resilience.capture(new AppError('down', { kind: 'server' }), {
        presentation: 'fullscreen',
        actions: retryWorks,
      }),
  );
  await screen.findByRole('dialog');
  act(meanwhile);
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await expect.poll(() => document.querySelector('[data-bulwark="fullscreen-host"]')).toBeNull();
}

describe('focus after an error view went away, when its control is gone', () => {
  it('fullscreen retry: goes to the nearest place still in the page, not <body>', async () => {
    const { page, Page } = makePage();
    const resilience = renderApp(<Page />);
    const sync = screen.getByRole('button', { name: 'Sync now' });
    sync.focus();
    await fullscreenRetry(resilience, () => page.hide());
    expect(sync.isConnected).toBe(false);
    const main = screen.getByTestId('main');
    await expect.poll(() => document.activeElement).toBe(main);
    // Focusable only while it has focus: it does not join the tab order.
    expect(main.getAttribute('tabindex')).toBe('-1');
    act(() => main.blur());
    expect(main.hasAttribute('tabindex')).toBe(false);
  });

  it('fullscreen retry: goes to the same control rendered again as a new node (no id)', async () => {
    const { page, Page } = makePage();
    const resilience = renderApp(<Page />);
    const sync = screen.getByRole('button', { name: 'Sync now' });
    sync.focus();
    await fullscreenRetry(resilience, () => page.renew());
    const again = screen.getByRole('button', { name: 'Sync now' });
    expect(again).not.toBe(sync);
    await expect.poll(() => document.activeElement).toBe(again);
  });

  it('dialog closed: goes to its opener rendered again as a new node', async () => {
    let close = () => {};
    function Page() {
      const [open, setOpen] = useState(false);
      close = () => setOpen(false);
      return (
        <section aria-label="Orders" data-testid="orders">
          {!open && (
            <button type="button" onClick={() => setOpen(true)}>
              Open
            </button>
          )}
          {open && <RecoveryDialog error={new AppError('down', { kind: 'server' })} onDismiss={close} />}
        </section>
      );
    }
    render(<Page />);
    // The opener unmounts as the dialog opens (a row replaced by its error state).
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    // The opener is back as a new node: it gets focus.
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('button', { name: 'Open' }));
  });

  it('boundary “Try again”: goes to the same control in the children rendered again', async () => {
    let broken = false;
    function Widget() {
      const [, setTick] = useState(0);
      if (broken) throw new AppError('widget failed', { kind: 'render' });
      return (
        <button type="button" onClick={() => ((broken = true), setTick((n) => n + 1))}>
          Refresh
        </button>
      );
    }
    renderApp(
      <div data-testid="slot">
        <FeatureBoundary name="widget" onReset={() => (broken = false)}>
          <Widget />
        </FeatureBoundary>
      </div>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('button', { name: 'Refresh' }));
  });

  it('boundary “Try again”: goes to the boundary’s container when nothing focusable comes back', async () => {
    let broken = false;
    let fail = () => {};
    function Widget() {
      if (broken) throw new AppError('widget failed', { kind: 'render' });
      return <p>Up to date</p>;
    }
    function Page() {
      const [, setTick] = useState(0);
      fail = () => ((broken = true), setTick((n) => n + 1));
      return (
        <div data-testid="slot">
          <FeatureBoundary name="widget" onReset={() => (broken = false)}>
            <Widget />
          </FeatureBoundary>
        </div>
      );
    }
    renderApp(<Page />);
    act(() => fail()); // a poll's render error: nothing of the widget had focus
    const tryAgain = await screen.findByRole('button', { name: 'Try again' });
    await userEvent.click(tryAgain);
    expect(tryAgain.isConnected).toBe(false);
    await expect.poll(() => document.activeElement).toBe(screen.getByTestId('slot'));
  });
});
