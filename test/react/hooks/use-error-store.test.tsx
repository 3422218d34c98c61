import { act, render, screen } from '@testing-library/react';
import { createResilience, ResilienceProvider, selectCountsByKind, useErrorStore, AppError } from 'bulwark';
import { shallow } from 'zustand/vanilla/shallow';
import { describe, expect, it } from 'vitest';
import { expectReactRenderError, REACT_18 } from '../../helpers/console-errors';

describe('useErrorStore', () => {
  it('re-renders a component only when its slice changes', () => {
    const resilience = createResilience();
    const renders = { network: 0, counts: 0 };
    const NetworkCount = () => {
      renders.network++;
      const n = useErrorStore((s) => s.records.filter((r) => r.error.kind === 'network').length);
      return <p>network {n}</p>;
    };
    const Counts = () => {
      renders.counts++;
      const counts = useErrorStore(selectCountsByKind, { isEqual: shallow });
      return <p>server {counts.server ?? 0}</p>;
    };
    render(
      <ResilienceProvider resilience={resilience} globalHandlers={false} presenters={false}>
        <NetworkCount />
        <Counts />
      </ResilienceProvider>,
    );
    const start = { ...renders };
    act(() => void resilience.capture(new AppError('a', { kind: 'server' })));
    expect(renders.network).toBe(start.network);
    expect(renders.counts).toBe(start.counts + 1);
    expect(screen.getByText('server 1')).toBeInTheDocument();
    act(() => void resilience.capture(new AppError('b', { kind: 'network' })));
    expect(screen.getByText('network 1')).toBeInTheDocument();
    expect(renders.network).toBe(start.network + 1);
  });

  it('throws a clear error outside a provider', () => {
    if (REACT_18) expectReactRenderError(); // React 18 logs the error no boundary caught
    const Bare = () => <p>{useErrorStore((s) => s.records.length)}</p>;
    expect(() => render(<Bare />)).toThrow(/within <ResilienceProvider>/);
  });
});
