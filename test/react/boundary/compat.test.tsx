// react-error-boundary compatibility, written from its README and API docs. Every case runs against
// react-error-boundary 6 itself too, so a test that does not describe its real behaviour fails there.
import { act, fireEvent, render, screen } from '@testing-library/react';
import * as bulwark from 'bulwark';
import {
  createRef,
  forwardRef,
  StrictMode,
  useState,
  version,
  type ComponentType,
  type ReactNode,
  type Ref,
} from 'react';
import * as reb from 'react-error-boundary';
import { describe, expect, it, vi } from 'vitest';
import { Bomb } from './helpers';
import { expectReactRenderError, REACT_18 } from '../../helpers/console-errors';

type Boundary = ComponentType<bulwark.ErrorBoundaryProps & { ref?: Ref<{ resetErrorBoundary: () => void }> }>;
interface Library {
  ErrorBoundary: Boundary;
  useErrorBoundary: () => bulwark.UseErrorBoundaryApi;
  withErrorBoundary: typeof bulwark.withErrorBoundary;
  getErrorMessage: (thrown: unknown) => string | undefined;
}
const libraries: [string, Library][] = [
  ['bulwark', bulwark],
  ['react-error-boundary', reb],
];

describe.each(libraries)(
  '%s: ErrorBoundary',
  (_name, { ErrorBoundary, useErrorBoundary, withErrorBoundary }) => {
    it('renders its children while nothing throws', () => {
      render(
        <ErrorBoundary fallback={<p>fallback</p>}>
          <p>content</p>
        </ErrorBoundary>,
      );
      expect(screen.getByText('content')).toBeInTheDocument();
    });

    it('prefers fallbackRender over FallbackComponent over fallback', () => {
      const Component = () => <p>component</p>;
      const props = {
        fallbackRender: () => <p>render</p>,
        FallbackComponent: Component,
        fallback: <p>node</p>,
      };
      const { unmount } = render(
        <ErrorBoundary {...(props as unknown as bulwark.ErrorBoundaryProps)}>
          <Bomb />
        </ErrorBoundary>,
      );
      expect(screen.getByText('render')).toBeInTheDocument();
      unmount();
      const { unmount: unmount2 } = render(
        <ErrorBoundary
          {...({
            FallbackComponent: Component,
            fallback: <p>node</p>,
          } as unknown as bulwark.ErrorBoundaryProps)}
        >
          <Bomb />
        </ErrorBoundary>,
      );
      expect(screen.getByText('component')).toBeInTheDocument();
      unmount2();
      render(
        <ErrorBoundary fallback={<p>node</p>}>
          <Bomb />
        </ErrorBoundary>,
      );
      expect(screen.getByText('node')).toBeInTheDocument();
    });

    it('passes the thrown value and resetErrorBoundary to fallbackRender and FallbackComponent', () => {
      const thrown = new Error('boom');
      const seen: unknown[] = [];
      const Fallback = ({ error, resetErrorBoundary }: bulwark.FallbackProps) => {
        seen.push(error, typeof resetErrorBoundary);
        return null;
      };
      render(
        <ErrorBoundary FallbackComponent={Fallback}>
          <Bomb error={thrown} />
        </ErrorBoundary>,
      );
      expect(seen.slice(0, 2)).toEqual([thrown, 'function']);
    });

    it('renders nothing for fallback={null} rather than rethrowing', () => {
      const onError = vi.fn();
      render(
        <ErrorBoundary fallback={<p>outer</p>}>
          <ErrorBoundary fallback={null} onError={onError}>
            <Bomb />
          </ErrorBoundary>
          <p>sibling</p>
        </ErrorBoundary>,
      );
      expect(screen.queryByText('outer')).toBeNull();
      expect(screen.getByText('sibling')).toBeInTheDocument();
      expect(onError).toHaveBeenCalledTimes(1);
    });

    it('rethrows to the parent boundary when it has no fallback at all', () => {
      if (REACT_18) expectReactRenderError(); // React 18 also logs the rethrown error
      const inner = vi.fn();
      const outer = vi.fn();
      render(
        <ErrorBoundary fallback={<p>outer</p>} onError={outer}>
          <ErrorBoundary {...({ onError: inner } as unknown as bulwark.ErrorBoundaryProps)}>
            <Bomb logged={!REACT_18} />
          </ErrorBoundary>
        </ErrorBoundary>,
      );
      expect(screen.getByText('outer')).toBeInTheDocument();
      expect(inner).not.toHaveBeenCalled();
      expect(outer).toHaveBeenCalledTimes(1);
    });

    it('calls onError once per catch with the error and the component stack', () => {
      const onError = vi.fn();
      const thrown = new Error('boom');
      render(
        <ErrorBoundary fallback={<p>fallback</p>} onError={onError}>
          <Bomb error={thrown} />
        </ErrorBoundary>,
      );
      expect(onError).toHaveBeenCalledTimes(1);
      expect(onError.mock.calls[0]![0]).toBe(thrown);
      expect(onError.mock.calls[0]![1].componentStack).toContain('Bomb');
    });

    it('calls onError once per catch under StrictMode', () => {
      const onError = vi.fn();
      render(
        <StrictMode>
          <ErrorBoundary fallback={<p>fallback</p>} onError={onError}>
            <Bomb />
          </ErrorBoundary>
        </StrictMode>,
      );
      expect(screen.getByText('fallback')).toBeInTheDocument();
      expect(onError).toHaveBeenCalledTimes(1);
    });

    it('resetErrorBoundary(...args) calls onReset with imperative-api and the args, then renders the children', () => {
      const onReset = vi.fn();
      let explode = true;
      render(
        <ErrorBoundary
          onReset={onReset}
          fallbackRender={({ resetErrorBoundary }) => (
            <button onClick={() => resetErrorBoundary('a', 1)}>retry</button>
          )}
        >
          <Bomb when={() => explode} />
        </ErrorBoundary>,
      );
      explode = false;
      fireEvent.click(screen.getByText('retry'));
      expect(onReset).toHaveBeenCalledTimes(1);
      expect(onReset).toHaveBeenCalledWith({ reason: 'imperative-api', args: ['a', 1] });
      expect(screen.getByText('ok')).toBeInTheDocument();
    });

    it('resets through a ref to the boundary', () => {
      const ref = createRef<{ resetErrorBoundary: (...args: unknown[]) => void }>();
      const onReset = vi.fn();
      let explode = true;
      render(
        <ErrorBoundary ref={ref} fallback={<p>fallback</p>} onReset={onReset}>
          <Bomb when={() => explode} />
        </ErrorBoundary>,
      );
      explode = false;
      act(() => ref.current!.resetErrorBoundary('x'));
      expect(onReset).toHaveBeenCalledWith({ reason: 'imperative-api', args: ['x'] });
      expect(screen.getByText('ok')).toBeInTheDocument();
    });

    it('catches and resets when the thrown value is null', () => {
      const onError = vi.fn();
      const onReset = vi.fn();
      let explode = true;
      render(
        <ErrorBoundary
          onError={onError}
          onReset={onReset}
          fallbackRender={({ resetErrorBoundary }) => (
            <button onClick={() => resetErrorBoundary()}>retry</button>
          )}
        >
          <Bomb error={null} when={() => explode} />
        </ErrorBoundary>,
      );
      expect(onError).toHaveBeenCalledTimes(1);
      // React 18 in development, under jsdom, turns a thrown null into a TypeError on its way to the boundary.
      if (version.startsWith('19')) expect(onError.mock.calls[0]![0]).toBeNull();
      explode = false;
      fireEvent.click(screen.getByText('retry'));
      expect(onReset).toHaveBeenCalledTimes(1);
      expect(screen.getByText('ok')).toBeInTheDocument();
    });

    it('does nothing on resetErrorBoundary while no error is shown', () => {
      const ref = createRef<{ resetErrorBoundary: () => void }>();
      const onReset = vi.fn();
      render(
        <ErrorBoundary ref={ref} fallback={null} onReset={onReset}>
          <p>content</p>
        </ErrorBoundary>,
      );
      act(() => ref.current!.resetErrorBoundary());
      expect(onReset).not.toHaveBeenCalled();
    });

    describe('resetKeys', () => {
      function Harness({
        keys,
        explode,
        onReset,
      }: {
        keys: unknown[];
        explode: () => boolean;
        onReset: () => void;
      }) {
        return (
          <ErrorBoundary resetKeys={keys} onReset={onReset} fallback={<p>fallback</p>}>
            <Bomb when={explode} />
          </ErrorBoundary>
        );
      }

      it('resets when a key changes, with reason keys and the previous and next keys', () => {
        const onReset = vi.fn();
        let explode = true;
        const { rerender } = render(<Harness keys={[1, 'a']} explode={() => explode} onReset={onReset} />);
        expect(screen.getByText('fallback')).toBeInTheDocument();
        explode = false;
        rerender(<Harness keys={[2, 'a']} explode={() => explode} onReset={onReset} />);
        expect(onReset).toHaveBeenCalledWith({ reason: 'keys', prev: [1, 'a'], next: [2, 'a'] });
        expect(screen.getByText('ok')).toBeInTheDocument();
      });

      it('resets when the number of keys changes', () => {
        const onReset = vi.fn();
        let explode = true;
        const { rerender } = render(<Harness keys={[1]} explode={() => explode} onReset={onReset} />);
        explode = false;
        rerender(<Harness keys={[1, 2]} explode={() => explode} onReset={onReset} />);
        expect(onReset).toHaveBeenCalledTimes(1);
        expect(screen.getByText('ok')).toBeInTheDocument();
      });

      it('compares keys with Object.is: a new array with the same items, NaN and -0 vs +0', () => {
        const onReset = vi.fn();
        const { rerender } = render(<Harness keys={[NaN, 'a']} explode={() => true} onReset={onReset} />);
        rerender(<Harness keys={[NaN, 'a']} explode={() => true} onReset={onReset} />);
        expect(onReset).not.toHaveBeenCalled();
        rerender(<Harness keys={[0]} explode={() => true} onReset={onReset} />);
        onReset.mockClear();
        rerender(<Harness keys={[-0]} explode={() => true} onReset={onReset} />);
        expect(onReset).toHaveBeenCalledTimes(1);
      });

      it('ignores key changes while no error is shown', () => {
        const onReset = vi.fn();
        const { rerender } = render(<Harness keys={[1]} explode={() => false} onReset={onReset} />);
        rerender(<Harness keys={[2]} explode={() => false} onReset={onReset} />);
        expect(onReset).not.toHaveBeenCalled();
      });

      it('does not reset for keys that changed in the same update that threw', () => {
        const onReset = vi.fn();
        let explode = false;
        const { rerender } = render(<Harness keys={[1]} explode={() => explode} onReset={onReset} />);
        explode = true;
        rerender(<Harness keys={[2]} explode={() => explode} onReset={onReset} />);
        expect(screen.getByText('fallback')).toBeInTheDocument();
        expect(onReset).not.toHaveBeenCalled();
      });
    });

    it('sends an error thrown by fallbackRender to the parent boundary', () => {
      expectReactRenderError(); // what it throws is logged by React
      render(
        <ErrorBoundary fallback={<p>outer</p>}>
          <ErrorBoundary
            fallbackRender={() => {
              throw new Error('fallback failed');
            }}
          >
            <Bomb logged={false} />
          </ErrorBoundary>
        </ErrorBoundary>,
      );
      expect(screen.getByText('outer')).toBeInTheDocument();
    });

    it('sends an error thrown by a FallbackComponent to the parent boundary', () => {
      expectReactRenderError(); // what it throws is logged by React
      const Broken = (): ReactNode => {
        throw new Error('fallback failed');
      };
      render(
        <ErrorBoundary fallback={<p>outer</p>}>
          <ErrorBoundary FallbackComponent={Broken}>
            <Bomb logged={false} />
          </ErrorBoundary>
        </ErrorBoundary>,
      );
      expect(screen.getByText('outer')).toBeInTheDocument();
    });

    describe('useErrorBoundary', () => {
      it('showBoundary shows the nearest boundary for an error from an event handler', () => {
        expectReactRenderError(); // what it throws is logged by React
        const Thrower = () => {
          const { showBoundary } = useErrorBoundary();
          return <button onClick={() => showBoundary(new Error('async'))}>go</button>;
        };
        render(
          <ErrorBoundary fallbackRender={({ error }) => <p>{(error as Error).message}</p>}>
            <Thrower />
          </ErrorBoundary>,
        );
        fireEvent.click(screen.getByText('go'));
        expect(screen.getByText('async')).toBeInTheDocument();
      });

      it('exposes the error shown and resets the boundary with resetBoundary', () => {
        const seen: unknown[] = [];
        const Fallback = () => {
          const { error, resetBoundary } = useErrorBoundary();
          seen.push(error);
          return <button onClick={resetBoundary}>reset</button>;
        };
        const thrown = new Error('boom');
        let explode = true;
        render(
          <ErrorBoundary FallbackComponent={Fallback}>
            <Bomb error={thrown} when={() => explode} />
          </ErrorBoundary>,
        );
        expect(seen.at(-1)).toBe(thrown);
        explode = false;
        fireEvent.click(screen.getByText('reset'));
        expect(screen.getByText('ok')).toBeInTheDocument();
      });

      it('reports no error while the boundary shows its children', () => {
        let error: unknown = 'unset';
        const Reader = () => {
          error = useErrorBoundary().error;
          return null;
        };
        render(
          <ErrorBoundary fallback={null}>
            <Reader />
          </ErrorBoundary>,
        );
        expect(error).toBeNull();
      });

      it('throws when used outside a boundary', () => {
        if (REACT_18) expectReactRenderError(); // React 18 also logs the rethrown error
        const Orphan = () => {
          useErrorBoundary();
          return null;
        };
        expect(() => render(<Orphan />)).toThrow();
      });
    });

    describe('withErrorBoundary', () => {
      it('wraps a component in a boundary with the given props', () => {
        const Wrapped = withErrorBoundary(Bomb, { fallback: <p>wrapped fallback</p> });
        render(<Wrapped />);
        expect(screen.getByText('wrapped fallback')).toBeInTheDocument();
      });

      it('forwards refs to the wrapped component', () => {
        const Input = forwardRef<HTMLInputElement>(function Input(_props, ref) {
          return <input ref={ref} aria-label="field" />;
        });
        const Wrapped = withErrorBoundary(Input, { fallback: null });
        const ref = createRef<HTMLInputElement>();
        render(<Wrapped ref={ref} />);
        expect(ref.current).toBe(screen.getByLabelText('field'));
      });

      it('names itself withErrorBoundary(Name) after the displayName or the function name', () => {
        function Profile() {
          return null;
        }
        expect(withErrorBoundary(Profile, { fallback: null }).displayName).toBe('withErrorBoundary(Profile)');
        const Named = Object.assign(() => null, { displayName: 'Card' });
        expect(withErrorBoundary(Named, { fallback: null }).displayName).toBe('withErrorBoundary(Card)');
      });

      it('falls back to Unknown for a nameless component', () => {
        const Wrapped = withErrorBoundary(
          Object.defineProperty(() => null, 'name', { value: '' }),
          {
            fallback: null,
          },
        );
        expect(Wrapped.displayName).toBe('withErrorBoundary(Unknown)');
      });
    });

    it('keeps state of siblings outside the boundary', () => {
      const Counter = () => {
        const [n, setN] = useState(0);
        return <button onClick={() => setN(n + 1)}>count {n}</button>;
      };
      render(
        <>
          <Counter />
          <ErrorBoundary fallback={<p>fallback</p>}>
            <Bomb />
          </ErrorBoundary>
        </>,
      );
      fireEvent.click(screen.getByText('count 0'));
      expect(screen.getByText('count 1')).toBeInTheDocument();
    });
  },
);

describe.each(libraries)('%s: getErrorMessage', (_name, { getErrorMessage }) => {
  it('returns the message of an Error or an object with a string message', () => {
    expect(getErrorMessage(new Error('boom'))).toBe('boom');
    expect(getErrorMessage({ message: 'plain' })).toBe('plain');
  });

  it('returns a thrown string as is', () => {
    expect(getErrorMessage('just text')).toBe('just text');
  });

  it('returns undefined for anything else', () => {
    for (const value of [null, undefined, 42, { message: 42 }, Symbol('s'), () => 'x'])
      expect(getErrorMessage(value)).toBeUndefined();
  });
});
