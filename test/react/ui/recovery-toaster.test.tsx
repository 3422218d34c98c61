import { act, render, screen, within } from '@testing-library/react';
import { AppError, createResilience, ResilienceProvider, type Resilience } from 'bulwark';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Distinct letters-only words: the fingerprint folds digits away. */
const word = (i: number) => i.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)));
const toasts = () => [...document.querySelectorAll<HTMLElement>('[data-bulwark="toast"]')];
const dialogs = () => document.querySelectorAll('[data-bulwark="recovery-dialog"]');
/** The throttle timer, then React's render and effects, then sonner's own timer: three rounds. */
const flush = async () => {
  for (let i = 0; i < 3; i++) await act(() => vi.advanceTimersByTime(400));
};
const mount = (resilience: Resilience) =>
  render(
    <ResilienceProvider resilience={resilience} globalHandlers={false}>
      <p>app</p>
    </ResilienceProvider>,
  );
const toastError = (message: string) => new AppError(message, { kind: 'server' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

// The storm tests push 10,000 errors through jsdom: generous time on a busy machine (no timing is asserted).
describe('RecoveryToaster', { timeout: 30_000 }, () => {
  it('shows one toast per fingerprint and updates it in place with the count', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      for (let i = 0; i < 3; i++)
        resilience.capture(toastError('same'), { source: 'global', presentation: 'toast' });
    });
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('3 times');
    act(() => void resilience.capture(toastError('same'), { presentation: 'toast' }));
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('4 times');
  });

  it('survives a storm of 10,000 distinct errors with at most three toasts, one per fingerprint', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      for (let i = 0; i < 10_000; i++)
        resilience.capture(toastError(`storm ${word(i)}`), { presentation: 'toast' });
      resilience.flush();
    });
    await flush();
    const shown = toasts().map((t) => t.dataset['fingerprint']);
    expect(shown).toHaveLength(3);
    expect(new Set(shown).size).toBe(3);
  });

  it('keeps a toast on screen when a storm pushes its record out of the history, until dismissed', async () => {
    const resilience = createResilience({ store: { historyLimit: 10 } });
    mount(resilience);
    act(() => void resilience.capture(toastError('first'), { presentation: 'toast' }));
    await flush();
    expect(toasts()[0]).toHaveTextContent('Something went wrong on our side');
    const firstToast = toasts()[0]!.dataset['fingerprint'];
    // Storms arrive over several tasks: let the presenters read the store between them.
    for (let task = 0; task < 5; task++) {
      act(() => {
        for (let i = 0; i < 20; i++)
          resilience.capture(toastError(`storm ${word(task * 20 + i)}`), { presentation: 'toast' });
      });
      await flush();
    }
    const fingerprints = resilience.store.getState().records.map((r) => r.fingerprint);
    expect(fingerprints).not.toContain(firstToast);
    expect(toasts()).toHaveLength(3);
    const kept = toasts().find((t) => t.dataset['fingerprint'] === firstToast)!;
    act(() => within(kept).getByRole('button', { name: 'Dismiss' }).click());
    await flush();
    expect(toasts().map((t) => t.dataset['fingerprint'])).not.toContain(firstToast);
  });

  it('shows the next waiting toast when one is dismissed', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      for (const m of ['one', 'two', 'three', 'four'])
        resilience.capture(toastError(m), { presentation: 'toast' });
    });
    await flush();
    const before = toasts().map((t) => t.dataset['fingerprint']);
    act(() => screen.getAllByRole('button', { name: 'Dismiss' })[0]!.click());
    await flush();
    const after = toasts().map((t) => t.dataset['fingerprint']);
    expect(after).toHaveLength(3);
    expect(after).not.toEqual(before);
  });

  it('keeps a toast with an action until it is dismissed, and lets one without actions time out', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      resilience.capture(toastError('with action'), {
        presentation: 'toast',
        actions: [{ id: 'retry', run: () => {} }],
      });
      resilience.capture(toastError('plain'), { presentation: 'toast' });
    });
    await flush();
    expect(toasts()).toHaveLength(2);
    await act(() => vi.advanceTimersByTime(60_000));
    await flush();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Try again');
    const plain = resilience.store.getState().records.find((r) => r.error.message === 'plain');
    expect(plain?.status).toBe('dismissed');
  });

  it('puts the primary action first and runs it on click', async () => {
    const resilience = createResilience();
    mount(resilience);
    const retry = vi.fn();
    act(
      () =>
        void resilience.capture(toastError('x'), {
          presentation: 'toast',
          actions: [
            { id: 'go-back', run: () => {} },
            { id: 'retry', run: retry, primary: true },
          ],
        }),
    );
    await flush();
    const buttons = [...toasts()[0]!.querySelectorAll('button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Try again', 'Go back', 'Dismiss']);
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('holds toasts while a dialog is open and shows them again when it closes', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => void resilience.capture(toastError('toast'), { presentation: 'toast' }));
    await flush();
    expect(toasts()).toHaveLength(1);
    let dialogRecord = resilience.capture(toastError('dialog'), { presentation: 'dialog' });
    await flush();
    expect(dialogs()).toHaveLength(1);
    expect(toasts()).toHaveLength(0);
    act(() => resilience.dismiss(dialogRecord.id));
    await flush();
    expect(dialogs()).toHaveLength(0);
    expect(toasts()).toHaveLength(1);
    dialogRecord = resilience.capture(toastError('again'), { presentation: 'dialog' });
    expect(dialogRecord.presentation).toBe('dialog');
  });

  it('never opens more than one dialog under a storm of dialog-level errors', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      for (let i = 0; i < 10_000; i++)
        resilience.capture(toastError(`d ${word(i)}`), { presentation: 'dialog' });
      resilience.flush();
    });
    await flush();
    expect(dialogs()).toHaveLength(1);
    expect(toasts()).toHaveLength(0);
  });

  /** What the presenters show after each of six captures of one error with `context`. */
  const ladderOnScreen = async (context: Parameters<Resilience['capture']>[1]) => {
    const resilience = createResilience();
    mount(resilience);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      act(() => void resilience.capture(new AppError('flaky', { kind: 'server' }), context));
      await flush();
      seen.push(
        document.querySelector('[data-bulwark="fullscreen-error"]')
          ? 'fullscreen'
          : dialogs().length
            ? 'dialog'
            : toasts().length
              ? 'toast'
              : 'none',
      );
    }
    return seen;
  };

  it('shows a recurring background error as one toast and never takes the page', async () => {
    expect(await ladderOnScreen({ source: 'global' })).toEqual(Array(6).fill('toast'));
  });

  it('escalates a user action that keeps failing from a toast to a dialog', async () => {
    expect(await ladderOnScreen({ source: 'hook', userAction: 'save draft' })).toEqual([
      'toast',
      'toast',
      'toast',
      'dialog',
      'dialog',
      'dialog',
    ]);
  });

  it.each([0, 10, 30, 120])(
    'shows a recurrence again %i ms after the user dismissed its toast',
    async (gapMs) => {
      const resilience = createResilience();
      mount(resilience);
      const fail = () => resilience.capture(toastError('flaky'), { source: 'global' });
      act(() => void fail());
      await flush();
      expect(toasts()).toHaveLength(1);
      act(() => screen.getByRole('button', { name: 'Dismiss' }).click());
      if (gapMs > 0) await act(() => vi.advanceTimersByTime(gapMs));
      act(() => void fail());
      await flush();
      await flush();
      expect(toasts()).toHaveLength(1);
      expect(toasts()[0]).toHaveTextContent('2 times');
    },
  );

  it('announces critical toasts in an assertive region', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(
      () =>
        void resilience.capture(new AppError('x', { kind: 'server', severity: 'critical' }), {
          presentation: 'toast',
        }),
    );
    await flush();
    const region = document.querySelector('[role="alert"]');
    expect(region).toHaveTextContent('Something went wrong on our side');
  });
});

describe('RecoveryToaster under a continuing storm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the toasts on screen while newer errors keep arriving', async () => {
    const resilience = createResilience();
    mount(resilience);
    act(() => {
      for (let i = 0; i < 3; i++)
        resilience.capture(toastError(`first ${word(i)}`), { presentation: 'toast' });
    });
    await flush();
    const first = toasts().map((t) => t.dataset['fingerprint']);
    // 75 newer errors: fewer than the history limit, which would otherwise drop the oldest records.
    for (let round = 0; round < 5; round++) {
      act(() => {
        for (let i = 0; i < 15; i++)
          resilience.capture(toastError(`later ${word(round * 100 + i)}`), { presentation: 'toast' });
      });
      await flush();
    }
    expect(toasts().map((t) => t.dataset['fingerprint'])).toEqual(first);
  });
});
