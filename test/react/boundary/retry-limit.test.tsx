import { fireEvent, render, screen } from '@testing-library/react';
import {
  ComponentBoundary,
  createResilience,
  ErrorBoundary,
  ResilienceContext,
  ResilienceProvider,
  type FallbackProps,
} from 'bulwark';
import { describe, expect, it, vi } from 'vitest';
import { Bomb } from './helpers';
import { expectReactRenderError, REACT_18 } from '../../helpers/console-errors';

/** Lists the action ids and offers each as a button. */
const Fallback = ({ actions = [] }: FallbackProps) => (
  <div>
    <p>{`actions: ${actions.map((a) => a.id).join(',')}`}</p>
    {actions.map((a) => (
      <button key={a.id} onClick={() => void a.run()}>
        {a.id}
      </button>
    ))}
  </div>
);

const retry = () => fireEvent.click(screen.getByRole('button', { name: 'retry' }));

describe('retry limit', () => {
  it('stops offering Try again after maxRetries resets that failed again', () => {
    render(
      <ErrorBoundary maxRetries={2} FallbackComponent={Fallback}>
        <Bomb error={new Error('always')} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('actions: retry,reload,go-back')).toBeInTheDocument();
    retry();
    expect(screen.getByText('actions: retry,reload,go-back')).toBeInTheDocument();
    retry();
    expect(screen.getByText('actions: reload,go-back')).toBeInTheDocument();
  });

  it('defaults to three retries', () => {
    render(
      <ErrorBoundary FallbackComponent={Fallback}>
        <Bomb />
      </ErrorBoundary>,
    );
    retry();
    retry();
    expect(screen.queryByRole('button', { name: 'retry' })).not.toBeNull();
    retry();
    expect(screen.queryByRole('button', { name: 'retry' })).toBeNull();
  });

  it('starts counting again once the children rendered without an error for a second', () => {
    let explode = true;
    const { rerender } = render(
      <ErrorBoundary maxRetries={1} FallbackComponent={Fallback}>
        <Bomb when={() => explode} />
      </ErrorBoundary>,
    );
    explode = false;
    retry();
    expect(screen.getByText('ok')).toBeInTheDocument();
    const later = Date.now() + 1000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    explode = true;
    rerender(
      <ErrorBoundary maxRetries={1} FallbackComponent={Fallback}>
        <Bomb when={() => explode} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('actions: retry,reload,go-back')).toBeInTheDocument();
  });

  it('starts counting again after a reset by keys', () => {
    const tree = (key: number) => (
      <ErrorBoundary maxRetries={1} resetKeys={[key]} FallbackComponent={Fallback}>
        <Bomb />
      </ErrorBoundary>
    );
    const { rerender } = render(tree(1));
    retry();
    expect(screen.getByText('actions: reload,go-back')).toBeInTheDocument();
    rerender(tree(2));
    expect(screen.getByText('actions: retry,reload,go-back')).toBeInTheDocument();
  });

  it('escalates to the parent boundary once exhausted when escalate is set', () => {
    if (REACT_18) expectReactRenderError(); // React 18 also logs the rethrown error
    render(
      <ErrorBoundary fallbackRender={({ error }) => <p>{`page caught: ${(error as Error).message}`}</p>}>
        <ErrorBoundary maxRetries={1} escalate FallbackComponent={Fallback}>
          <Bomb error={new Error('feature keeps failing')} />
        </ErrorBoundary>
      </ErrorBoundary>,
    );
    retry();
    expect(screen.getByText('page caught: feature keeps failing')).toBeInTheDocument();
  });

  it('captures every failed retry, and leaves Try again out of the captured actions once exhausted', () => {
    const resilience = createResilience();
    const capture = vi.spyOn(resilience, 'capture');
    render(
      <ResilienceContext.Provider value={resilience}>
        <ErrorBoundary maxRetries={1} FallbackComponent={Fallback}>
          <Bomb />
        </ErrorBoundary>
      </ResilienceContext.Provider>,
    );
    retry();
    expect(capture).toHaveBeenCalledTimes(2);
    const last = capture.mock.calls[1]![1]!;
    expect(last.actions?.map((a) => a.id)).toEqual(['reload', 'go-back']);
  });

  it('leaves a component-level fallback whose retries ran out with a way out (Reload page)', () => {
    render(
      <ResilienceProvider resilience={createResilience()} globalHandlers={false} presenters={false}>
        <ComponentBoundary name="avatar" maxRetries={1}>
          <Bomb />
        </ComponentBoundary>
      </ResilienceProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Reload page']);
    expect(buttons[0]).toHaveAttribute('data-action', 'reload');
  });
});
