// Public types of the ErrorBoundary family: the same names and shapes as react-error-boundary 6, plus
// the bulwark extras (level, name, retry limit, location reset). Field docs follow its JSDoc.
import type { ComponentType, ErrorInfo, PropsWithChildren, ReactNode } from 'react';
import type { AppError } from '../../core/errors/app-error';
import type { RecoveryAction } from '../../core/types';
import type { BoundaryLevel } from './boundary-fallbacks-context';

/** What a fallback receives: react-error-boundary's two fields plus the classified error and its actions. */
export interface FallbackProps {
  /** The value that was thrown, as is (an `Error`, a string, `null`, …). */
  error: unknown;
  /** Clears the error and renders the children again; `args` reach `onReset`. */
  resetErrorBoundary: (...args: unknown[]) => void;
  /**
   * The thrown value normalised and classified by the app's `Resilience` (its rules and catalog), computed when
   * first read and then the `AppError` its record holds (a fallback that does not read it does not pay for it
   * before its paint, issue 11); `undefined` without a `<ResilienceProvider>` (use `normalizeError(error)` then).
   */
  appError?: AppError;
  /**
   * What the user can do: `retry` (resets the boundary; left out once the retry limit is reached), `reload`,
   * `go-back`. Always set by the boundary; optional only so fallbacks typed for react-error-boundary still fit.
   */
  actions?: readonly RecoveryAction[];
}

/** Called once per caught error with the thrown value and React's component stack. */
export type OnErrorCallback = (error: unknown, info: ErrorInfo) => void;

/** Why the boundary reset, for `onReset`. */
export type ResetDetails =
  | { reason: 'imperative-api'; args: unknown[] }
  | { reason: 'keys'; prev: unknown[] | undefined; next: unknown[] | undefined };

type ErrorBoundarySharedProps = PropsWithChildren<{
  /** Optional callback to enable e.g. logging error information to a server; called once per catch. */
  onError?: OnErrorCallback;
  /** Called when the boundary resets so React can retry the failed render; says why. */
  onReset?: (details: ResetDetails) => void;
  /** When one of these changes (compared with `Object.is`, and by length) a boundary showing an error resets. */
  resetKeys?: unknown[];
  /**
   * Where the boundary sits: chooses the default fallback (from `<ResilienceProvider>`) when none is given, and
   * is reported with the error. Without it and without a fallback the error goes to the parent boundary.
   * @default undefined
   */
  level?: BoundaryLevel;
  /** Names the boundary in reports ("checkout", "sidebar"). @default undefined */
  name?: string;
  /**
   * Resets ("Try again") after which a boundary that keeps failing stops offering Try again; further calls of
   * `resetErrorBoundary` (from a button, a ref or an effect) do nothing. The count starts again once the children
   * have stayed up for a second (`RETRY_SETTLE_MS`, 1000 ms) after a reset, or on a key or location reset.
   * @default 3
   */
  maxRetries?: number;
  /** Once the retry limit is reached, rethrow to the parent boundary instead of showing this fallback. @default false */
  escalate?: boolean;
  /**
   * The router's location (`useLocation().key`, `usePathname()`): one more reset key, so navigating away resets a
   * boundary showing an error (`onReset` says `keys`; `prev` and `next` are the `resetKeys`).
   */
  locationKey?: unknown;
}>;

export type ErrorBoundaryPropsWithFallback = ErrorBoundarySharedProps & {
  /** Static content to render in place of an error if one is thrown (`null` is allowed). */
  fallback: ReactNode;
  FallbackComponent?: never;
  fallbackRender?: never;
};

export type ErrorBoundaryPropsWithComponent = ErrorBoundarySharedProps & {
  fallback?: never;
  /** React component responsible for returning a fallback UI based on a thrown value. */
  FallbackComponent: ComponentType<FallbackProps>;
  fallbackRender?: never;
};

export type ErrorBoundaryPropsWithRender = ErrorBoundarySharedProps & {
  fallback?: never;
  FallbackComponent?: never;
  /** Render prop responsible for returning a fallback UI based on a thrown value. */
  fallbackRender: (props: FallbackProps) => ReactNode;
};

/** No fallback of its own: the default fallback of `level` comes from `<ResilienceProvider>`. */
export type ErrorBoundaryPropsWithLevel = ErrorBoundarySharedProps & {
  level: BoundaryLevel;
  fallback?: never;
  FallbackComponent?: never;
  fallbackRender?: never;
};

/** Props of `<ErrorBoundary>`: at most one of `fallback`, `FallbackComponent`, `fallbackRender`. */
export type ErrorBoundaryProps =
  | ErrorBoundaryPropsWithFallback
  | ErrorBoundaryPropsWithComponent
  | ErrorBoundaryPropsWithRender
  | ErrorBoundaryPropsWithLevel;

/** The value of `ErrorBoundaryContext`, set by every boundary for its subtree. */
export interface ErrorBoundaryContextType {
  didCatch: boolean;
  error: unknown;
  resetErrorBoundary: (...args: unknown[]) => void;
}

/** What `useErrorBoundary()` returns. */
export interface UseErrorBoundaryApi {
  /** The error the nearest boundary shows, or `null`. */
  error: unknown;
  /** Resets the nearest boundary (if it shows an error). */
  resetBoundary: () => void;
  /** Shows the nearest boundary's fallback for `error` (thrown on the next render). */
  showBoundary: (error: unknown) => void;
}
