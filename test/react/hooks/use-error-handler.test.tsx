import { fireEvent, render, renderHook, screen } from '@testing-library/react';
import {
  createResilience,
  ErrorBoundary,
  ResilienceContext,
  useErrorHandler,
  type Resilience,
} from 'bulwark';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { expectReactRenderError } from '../../helpers/console-errors';
import { nextPaint } from '../../helpers/next-paint';

const provider = (resilience: Resilience) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <ResilienceContext.Provider value={resilience}>{children}</ResilienceContext.Provider>;
  };

describe('useErrorHandler', () => {
  it('captures through the pipeline with source hook and the given context, and returns the record', () => {
    const resilience = createResilience();
    const { result } = renderHook(() => useErrorHandler(), { wrapper: provider(resilience) });
    const retry = { id: 'retry', run: vi.fn() };
    const record = result.current(new Error('save failed'), { userAction: 'save draft', actions: [retry] });
    expect(record?.context).toMatchObject({ source: 'hook', userAction: 'save draft' });
    expect(record?.context.actions).toEqual([retry]);
    expect(resilience.store.getState().records).toHaveLength(1);
  });

  it('keeps the same function across renders', () => {
    const { result, rerender } = renderHook(() => useErrorHandler(), {
      wrapper: provider(createResilience()),
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it('rethrows to the nearest boundary with showBoundary, which captures it with its level', async () => {
    expectReactRenderError(); // what it throws is logged by React
    const resilience = createResilience();
    const Save = () => {
      const handleError = useErrorHandler();
      return <button onClick={() => handleError(new Error('fatal'), { showBoundary: true })}>save</button>;
    };
    render(
      <ResilienceContext.Provider value={resilience}>
        <ErrorBoundary level="feature" fallback={<p>feature failed</p>}>
          <Save />
        </ErrorBoundary>
      </ResilienceContext.Provider>,
    );
    fireEvent.click(screen.getByText('save'));
    expect(screen.getByText('feature failed')).toBeInTheDocument();
    // Recorded once the fallback is painted (issue 11).
    await nextPaint();
    const records = resilience.store.getState().records;
    expect(records).toHaveLength(1);
    expect(records[0]!.context).toMatchObject({ source: 'boundary', level: 'feature' });
  });

  it('sends every error to the nearest boundary without a provider', () => {
    expectReactRenderError(); // what it throws is logged by React
    const Save = () => {
      const handleError = useErrorHandler();
      return <button onClick={() => handleError('a thrown string')}>save</button>;
    };
    render(
      <ErrorBoundary fallbackRender={({ error }) => <p>{`boundary got ${String(error)}`}</p>}>
        <Save />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByText('save'));
    expect(screen.getByText('boundary got a thrown string')).toBeInTheDocument();
  });
});
