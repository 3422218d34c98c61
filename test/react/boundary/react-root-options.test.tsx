// React 19's root error options from `resilience.reactRootOptions()`, on a real root. React 18 has no such
// options: there the boundary's own capture is the only one.
import { act } from '@testing-library/react';
import { createResilience, ErrorBoundary, ResilienceContext, type Resilience } from 'bulwark';
import { version, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary as OtherBoundary } from 'react-error-boundary';
import { describe, expect, it, vi } from 'vitest';
import { Bomb } from './helpers';
import { REACT_18 } from '../../helpers/console-errors';

const react19 = version.startsWith('19');

function mount(resilience: Resilience, tree: ReactNode) {
  const root = createRoot(document.createElement('div'), resilience.reactRootOptions());
  act(() => root.render(<ResilienceContext.Provider value={resilience}>{tree}</ResilienceContext.Provider>));
  return root;
}

describe('reactRootOptions on a real root', () => {
  it('leaves an error caught by a bulwark boundary to that boundary: one capture, with its level and name', () => {
    const resilience = createResilience();
    const capture = vi.spyOn(resilience, 'capture');
    const root = mount(
      resilience,
      <ErrorBoundary level="feature" name="cart" fallback={null}>
        <Bomb logged={REACT_18} />
      </ErrorBoundary>,
    );
    expect(capture).toHaveBeenCalledTimes(1);
    expect(capture.mock.calls[0]![1]).toMatchObject({ source: 'boundary', level: 'feature', name: 'cart' });
    act(() => root.unmount());
  });

  it('captures, silently, what another library’s boundary caught', () => {
    const resilience = createResilience();
    const root = mount(
      resilience,
      <OtherBoundary fallback={<p>theirs</p>}>
        <Bomb error={new Error('caught elsewhere')} logged={REACT_18} />
      </OtherBoundary>,
    );
    const records = resilience.store.getState().records;
    if (react19) {
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ presentation: 'silent', context: { source: 'react-root' } });
      expect(records[0]!.error.message).toBe('caught elsewhere');
    } else {
      expect(records).toHaveLength(0);
    }
    act(() => root.unmount());
  });

  it('captures an error no boundary caught at app level', async () => {
    const resilience = createResilience();
    const root = createRoot(document.createElement('div'), resilience.reactRootOptions());
    const tree = <Bomb error={new Error('nobody caught me')} logged={REACT_18} />;
    if (!react19) {
      // React 18 has no onUncaughtError: the render throws.
      expect(() => act(() => root.render(tree))).toThrow('nobody caught me');
      expect(resilience.store.getState().records).toHaveLength(0);
      return;
    }
    // Outside act(): inside it React 19 hands uncaught errors to act() instead of onUncaughtError.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      root.render(tree);
      await vi.waitFor(() => expect(resilience.store.getState().records).toHaveLength(1));
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    const [record] = resilience.store.getState().records;
    expect(record).toMatchObject({ context: { source: 'react-root', level: 'app' } });
    expect(record!.error.message).toBe('nobody caught me');
  });
});
