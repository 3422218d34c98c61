import { render, screen } from '@testing-library/react';
import { ErrorBoundary } from 'bulwark';
import { describe, expect, it, vi } from 'vitest';
import { Bomb } from './helpers';

describe('locationKey', () => {
  const page = (locationKey: string, explode: () => boolean, onReset = vi.fn()) => (
    <ErrorBoundary locationKey={locationKey} onReset={onReset} fallback={<p>page failed</p>}>
      <Bomb when={explode} />
    </ErrorBoundary>
  );

  it('resets a boundary showing an error when the location changes, as one more reset key', () => {
    const onReset = vi.fn();
    let explode = true;
    const { rerender } = render(page('/a', () => explode, onReset));
    expect(screen.getByText('page failed')).toBeInTheDocument();
    explode = false;
    rerender(page('/b', () => explode, onReset));
    expect(onReset).toHaveBeenCalledWith({ reason: 'keys', prev: undefined, next: undefined });
    expect(screen.getByText('ok')).toBeInTheDocument();
  });

  it('keeps showing the error while the location stays the same', () => {
    const onReset = vi.fn();
    const { rerender } = render(page('/a', () => true, onReset));
    rerender(page('/a', () => true, onReset));
    expect(onReset).not.toHaveBeenCalled();
    expect(screen.getByText('page failed')).toBeInTheDocument();
  });

  it('reports the reset keys, which stay compared as before', () => {
    const onReset = vi.fn();
    const tree = (location: string, id: number) => (
      <ErrorBoundary locationKey={location} resetKeys={[id]} onReset={onReset} fallback={<p>page failed</p>}>
        <Bomb />
      </ErrorBoundary>
    );
    const { rerender } = render(tree('/a', 1));
    rerender(tree('/b', 1));
    expect(onReset).toHaveBeenLastCalledWith({ reason: 'keys', prev: [1], next: [1] });
    rerender(tree('/b', 2));
    expect(onReset).toHaveBeenLastCalledWith({ reason: 'keys', prev: [1], next: [2] });
  });

  it('does nothing on navigation while no error is shown', () => {
    const onReset = vi.fn();
    const { rerender } = render(page('/a', () => false, onReset));
    rerender(page('/b', () => false, onReset));
    expect(onReset).not.toHaveBeenCalled();
  });
});
