import { render, screen, waitFor } from '@testing-library/react';
import { createResilience, ErrorBoundary, ResilienceContext, type FallbackProps } from 'bulwark';
import { useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectConsoleError } from '../../helpers/console-errors';
import { Bomb } from './helpers';

// React logs each caught render or effect error: claimed, so it is silenced and must come.
beforeEach(() => expectConsoleError(/The above error occurred/));
afterEach(() => vi.restoreAllMocks());

/** The fallback from issue 10: it resets its boundary from an effect, whatever happened. */
function ResetsInAnEffect({ resetErrorBoundary, actions = [] }: FallbackProps) {
  useEffect(() => resetErrorBoundary(), [resetErrorBoundary]);
  return <p>{`fallback: ${actions.map((a) => a.id).join(',')}`}</p>;
}

/** A child that renders fine and fails in its effect, so every reset commits before it fails again. */
function FailsInAnEffect({ onRender }: { onRender: () => void }) {
  onRender();
  useEffect(() => {
    throw new Error('effect failed');
  });
  return <p>child</p>;
}

describe('resets from a fallback effect', () => {
  it('are bounded by maxRetries while the child keeps failing in render', async () => {
    const renders = vi.fn();
    const onReset = vi.fn();
    render(
      <ErrorBoundary maxRetries={3} onReset={onReset} FallbackComponent={ResetsInAnEffect}>
        <Bomb when={() => (renders(), true)} />
      </ErrorBoundary>,
    );
    await waitFor(() => expect(screen.getByText('fallback: reload,go-back')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onReset).toHaveBeenCalledTimes(3);
    // 4 attempts; React renders a failing child 2 (React 19) to 4 (React 18 in development) times per attempt.
    expect(renders.mock.calls.length).toBeLessThanOrEqual(4 * 4);
    expect(screen.getByText('fallback: reload,go-back')).toBeInTheDocument();
  });

  it('are bounded by maxRetries while the child keeps failing in an effect', async () => {
    const renders = vi.fn();
    const resilience = createResilience();
    render(
      <ResilienceContext.Provider value={resilience}>
        <ErrorBoundary maxRetries={2} FallbackComponent={ResetsInAnEffect}>
          <FailsInAnEffect onRender={renders} />
        </ErrorBoundary>
      </ResilienceContext.Provider>,
    );
    await waitFor(() => expect(screen.getByText('fallback: reload,go-back')).toBeInTheDocument());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renders.mock.calls.length).toBeLessThanOrEqual(3 * 2);
    expect(screen.getByText('fallback: reload,go-back')).toBeInTheDocument();
  });
});

describe('resets by resetKeys', () => {
  it('are bounded by maxRetries when the keys change on every parent render (a parent that re-renders on each error)', async () => {
    const renders = vi.fn();
    function Child(): never {
      renders();
      throw new Error('child failed');
    }
    function Parent() {
      const [, setErrors] = useState(0);
      return (
        // A fresh key object every render, and the parent counts errors in state.
        <ErrorBoundary
          resetKeys={[{ filter: 'all' }]}
          onError={() => setErrors((n) => n + 1)}
          fallback={<p>broken</p>}
        >
          <Child />
        </ErrorBoundary>
      );
    }
    render(<Parent />);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The first render and maxRetries (3) resets, each rendered a few times at most (React retries a
    // failed render, React 18 more often than 19: 17 renders there). Before the bound it never stopped.
    expect(renders.mock.calls.length).toBeLessThanOrEqual(5 * 4);
    expect(screen.queryByText('broken')).not.toBeNull();
  });

  it('still reset with a fresh count when the keys change after the fallback has been up a while', async () => {
    let fail = true;
    function Child() {
      if (fail) throw new Error('child failed');
      return <p>ok</p>;
    }
    const { rerender } = render(
      <ErrorBoundary resetKeys={[1]} fallback={<p>broken</p>}>
        <Child />
      </ErrorBoundary>,
    );
    expect(screen.queryByText('broken')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    fail = false;
    rerender(
      <ErrorBoundary resetKeys={[2]} fallback={<p>broken</p>}>
        <Child />
      </ErrorBoundary>,
    );
    expect(screen.queryByText('ok')).not.toBeNull();
  });
});
