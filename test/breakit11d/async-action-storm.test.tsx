// Break-it 11d (D5, pre-existing, seen while attacking the storm placeholder ids): a useAsyncAction whose
// action fails while an error storm is still draining keeps the storm PLACEHOLDER's error as its `error`
// ("Waiting its turn in an error storm", severity info), not the failure, and never updates it once the
// real record is made. A form shows that text (or its catalog message) instead of why saving failed.
// Run: npx vitest run --project unit test/breakit11d/async-action-storm.test.tsx
import { act, renderHook } from '@testing-library/react';
import { AppError, createResilience, ResilienceProvider, useAsyncAction } from 'bulwark';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => vi.useRealTimers());

describe('break-it 11d: useAsyncAction failing during an error storm', () => {
  it('D5: the hook’s error is the action’s failure, not the storm placeholder’s', async () => {
    vi.useFakeTimers();
    const resilience = createResilience({ burst: { limit: 1 } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
        {children}
      </ResilienceProvider>
    );
    const { result } = renderHook(
      () =>
        useAsyncAction(async () => {
          throw new AppError('Saving the draft failed', { kind: 'server', status: 503 });
        }),
      { wrapper },
    );
    // A storm elsewhere on the page: its captures are still queued when the save fails.
    resilience.capture(new AppError('Widget gh failed', { kind: 'server' }));
    resilience.capture(new AppError('Widget hi failed', { kind: 'server' }));
    await act(async () => {
      await result.current.run();
    });
    // Let the storm drain: the real record of the failure is made now.
    await act(async () => {
      await vi.runAllTimersAsync();
    });
    expect(
      resilience.store.getState().records.some((r) => r.error.message === 'Saving the draft failed'),
    ).toBe(true);
    expect(result.current.status).toBe('error');
    expect(result.current.error?.message).toBe('Saving the draft failed');
    expect(result.current.error?.kind).toBe('server');
  });
});
