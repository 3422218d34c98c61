// Issue 10, "the first failure must be seen": the README's examples pasted into an app with a
// <ResilienceProvider>; the user clicks Save once and must see something, in exactly one place.
import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  createResilience,
  InlineError,
  ResilienceProvider,
  useAsyncAction,
  useErrorHandler,
  useErrorStore,
  type Resilience,
} from 'bulwark';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const toasts = () => document.querySelectorAll('[data-bulwark="toast"]');
const inline = () => document.querySelectorAll('[data-bulwark="inline-error"]');
/** The presenters' throttle, React's render and effects, sonner's own timer. */
const settle = async () => {
  for (let i = 0; i < 3; i++)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400);
    });
};
const app = (resilience: Resilience, children: ReactNode) => (
  <ResilienceProvider resilience={resilience} globalHandlers={false}>
    {children}
  </ResilienceProvider>
);
/** Every save fails, whatever the draft and signal. */
const api = {
  save: (draft: string, signal?: AbortSignal): Promise<void> =>
    Promise.reject(new Error(`503 from /api/draft (${draft.length} chars, aborted: ${signal?.aborted})`)),
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the first failed save is visible', () => {
  it('useErrorHandler example: a toast after the first click on Save', async () => {
    function SaveButton({ draft }: { draft: string }) {
      const handleError = useErrorHandler();
      const save = (): Promise<void> =>
        api.save(draft).catch((error: unknown) => {
          handleError(error, {
            userAction: 'save draft',
            actions: [{ id: 'retry', run: save, primary: true }],
          });
        });
      return <button onClick={() => void save()}>Save</button>;
    }
    const resilience = createResilience();
    render(app(resilience, <SaveButton draft="hello" />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(toasts()).toHaveLength(1);
    expect(toasts()[0]).toHaveTextContent('Try again');
  });

  it('useAsyncAction example: a toast after the first click on Save', async () => {
    function SaveButton({ draft }: { draft: string }) {
      const save = useAsyncAction((d: string, { signal }) => api.save(d, signal), {
        context: { feature: 'editor', userAction: 'save draft' },
      });
      return <button onClick={() => void save.run(draft)}>Save</button>;
    }
    const resilience = createResilience();
    render(app(resilience, <SaveButton draft="hello" />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(toasts()).toHaveLength(1);
    expect(resilience.store.getState().records[0]?.presentation).toBe('toast');
  });

  it('useAsyncAction whose caller renders its error: inline there, and no toast', async () => {
    function SaveButton({ draft }: { draft: string }) {
      const save = useAsyncAction((d: string, { signal }) => api.save(d, signal), {
        context: { userAction: 'save draft', inlineSurface: true },
      });
      return (
        <>
          <button onClick={() => void save.run(draft)}>Save</button>
          {save.error && <InlineError error={save.error} />}
        </>
      );
    }
    const resilience = createResilience();
    render(app(resilience, <SaveButton draft="hello" />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(inline()).toHaveLength(1);
    expect(toasts()).toHaveLength(0);
  });
});

describe('one record, one place on screen', () => {
  it('Recovery UI example: the failed save shows inline or as a toast, never both', async () => {
    const resilience = createResilience();
    function SaveButton() {
      const record = useErrorStore((s) =>
        s.records.find((r) => r.context.feature === 'editor' && r.status === 'active'),
      );
      const save = (): Promise<void> =>
        api.save('draft').catch((error: unknown) => {
          resilience.capture(error, {
            feature: 'editor',
            inlineSurface: true,
            actions: [{ id: 'retry', primary: true, run: save }],
          });
        });
      return (
        <>
          <button onClick={() => void save()}>Save</button>
          {record && <InlineError error={record.error} record={record} actions={record.context.actions} />}
        </>
      );
    }
    render(app(resilience, <SaveButton />));
    for (let click = 1; click <= 6; click++) {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      await settle();
      const places = inline().length + toasts().length + document.querySelectorAll('dialog[open]').length;
      expect(places, `after click ${click}`).toBe(1);
    }
  });
});
