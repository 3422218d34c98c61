// React 19 root error options, framework-agnostic: no React import, structural types only.
import type { Resilience } from './resilience';

/** What React passes with an error to the root options (`errorBoundary` only to `onCaughtError`). */
export interface ReactRootErrorInfo {
  componentStack?: string | null;
  /** The class instance of the boundary that caught the error. */
  errorBoundary?: unknown;
}

type RootErrorHandler = (error: unknown, errorInfo: ReactRootErrorInfo) => void;

/** The error options of React 19's `createRoot` / `hydrateRoot`, from `resilience.reactRootOptions()`. */
export interface ReactRootErrorOptions {
  /** An error boundary caught it. */
  onCaughtError: RootErrorHandler;
  /** No boundary caught it: React unmounted the root. */
  onUncaughtError: RootErrorHandler;
  /** React recovered by itself (a hydration mismatch, a render that worked on retry). */
  onRecoverableError: RootErrorHandler;
}

/**
 * Routes React 19's root error callbacks through `capture` (source `react-root`):
 * - `onCaughtError`: recorded and reported, shown `silent` (the boundary's fallback already shows it); skipped when
 *   the boundary is a bulwark `ErrorBoundary` under this instance's provider, which captures it itself (with its
 *   level, name and actions) in `componentDidCatch`, called by React right after this. React hands the boundary
 *   instance over as `errorInfo.errorBoundary`; its `context` is the instance it captures into.
 * - `onUncaughtError`: captured with level `app`; the disclosure manager decides how it is shown.
 * - `onRecoverableError`: recorded and reported, shown `silent`.
 *
 * React's default handlers log to the console; these report through the pipeline instead (add the console
 * reporter to see them while developing).
 *
 * @example
 * createRoot(document.getElementById('root')!, resilience.reactRootOptions()).render(<App />);
 */
export function createReactRootOptions(resilience: Pick<Resilience, 'capture'>): ReactRootErrorOptions {
  const stackOf = ({ componentStack }: ReactRootErrorInfo) => componentStack ?? undefined;
  return {
    onCaughtError: (error, info) => {
      const boundary = info.errorBoundary as
        { context?: Partial<Pick<Resilience, 'capture'>> | null } | undefined;
      if (boundary?.context?.capture === resilience.capture) return;
      resilience.capture(error, {
        source: 'react-root',
        componentStack: stackOf(info),
        presentation: 'silent',
      });
    },
    onUncaughtError: (error, info) => {
      resilience.capture(error, { source: 'react-root', level: 'app', componentStack: stackOf(info) });
    },
    onRecoverableError: (error, info) => {
      resilience.capture(error, {
        source: 'react-root',
        componentStack: stackOf(info),
        presentation: 'silent',
      });
    },
  };
}
