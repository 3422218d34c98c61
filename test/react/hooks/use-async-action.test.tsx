import { act, fireEvent, render, screen } from '@testing-library/react';
import { createResilience, InlineError, ResilienceProvider, useAsyncAction, type Resilience } from 'bulwark';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const toasts = () => document.querySelectorAll('[data-bulwark="toast"]');
const inline = () => document.querySelectorAll('[data-bulwark="inline-error"]');
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

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

// `resilience.fetch` captures its own final failure; the hook around it captures the same error again.
describe('useAsyncAction around resilience.fetch and after a failure', () => {
  it('shows the error of a resilience.fetch inside it once, inline, with the hook’s userAction', async () => {
    const resilience = createResilience();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('down', { status: 503 })),
    );
    function SaveButton() {
      const save = useAsyncAction(
        (_: void, { signal }) => resilience.fetch('http://127.0.0.1/api/draft', { method: 'POST', signal }),
        { context: { userAction: 'save draft', inlineSurface: true } },
      );
      return (
        <>
          <button onClick={() => void save.run()}>Save</button>
          {save.error && <InlineError error={save.error} />}
        </>
      );
    }
    render(app(resilience, <SaveButton />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const [record] = resilience.store.getState().records;
    vi.unstubAllGlobals();
    expect({
      inline: inline().length,
      toasts: toasts().length,
      userAction: record?.context.userAction,
      presentation: record?.presentation,
    }).toEqual({
      inline: 1,
      toasts: 0,
      userAction: 'save draft',
      presentation: 'inline',
    });
  });

  it('gives the record of a resilience.fetch inside it the hook’s retry action', async () => {
    const resilience = createResilience();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('down', { status: 503 })),
    );
    function SaveButton() {
      const save = useAsyncAction(
        (_: void, { signal }) => resilience.fetch('http://127.0.0.1/api/draft', { method: 'POST', signal }),
        { context: { userAction: 'save draft' } },
      );
      return <button onClick={() => void save.run()}>Save</button>;
    }
    render(app(resilience, <SaveButton />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    const records = resilience.store.getState().records;
    vi.unstubAllGlobals();
    expect({ records: records.length, count: records[0]?.count }).toEqual({ records: 1, count: 1 });
    expect(records[0]?.context.actions?.map((a) => a.id)).toContain('retry');
  });

  it('resolves the failed run’s record when a later run succeeds', async () => {
    const resilience = createResilience();
    let fail = true;
    function SaveButton() {
      const save = useAsyncAction(
        async () => {
          if (fail) throw new Error('save failed');
          return 'ok';
        },
        { context: { userAction: 'save draft' } },
      );
      return <button onClick={() => void save.run()}>Save</button>;
    }
    render(app(resilience, <SaveButton />));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(toasts()).toHaveLength(1);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect({ status: resilience.store.getState().records[0]?.status, toasts: toasts().length }).toEqual({
      status: 'recovered',
      toasts: 0,
    });
  });
});
