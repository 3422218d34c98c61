import { Component, createElement, type ErrorInfo, type ReactNode } from 'react';
import type { Resilience } from '../../core/resilience';
import type { CaptureContext, RecoveryAction } from '../../core/types';
import { ResilienceContext } from '../resilience-context';
import { ErrorBoundaryContext } from './error-boundary-context';
import { BoundaryFallbacksContext, type LevelFallbacks } from './boundary-fallbacks-context';
import type { ErrorBoundaryProps, FallbackProps, ResetDetails } from './types';

type State = { didCatch: false; error: null } | { didCatch: true; error: unknown };

const cleared: State = { didCatch: false, error: null };

/** Ways out that do not depend on the boundary. */
const pageActions: RecoveryAction[] = [
  { id: 'reload', run: () => location.reload() },
  { id: 'go-back', run: () => history.back() },
];

/** Resets offered before "Try again" is withdrawn (see `maxRetries`). */
export const DEFAULT_MAX_RETRIES = 3;

const keysChanged = (prev: unknown[] = [], next: unknown[] = []) =>
  prev.length !== next.length || prev.some((key, i) => !Object.is(key, next[i]));

/**
 * Catches errors thrown while rendering the tree below it and renders a fallback: a drop-in for
 * react-error-boundary's `ErrorBoundary` (same props, same behaviour) that also sends each caught error through
 * `resilience.capture` when a `<ResilienceProvider>` is above it, offers recovery actions, limits retries and
 * falls back to the level's default UI.
 *
 * Like any React error boundary it does not catch errors in event handlers, async code or server rendering: pass
 * those on with `useErrorBoundary().showBoundary` or `useErrorHandler()`.
 *
 * @example
 * <ErrorBoundary level="feature" name="comments" resetKeys={[postId]} FallbackComponent={CommentsError}>
 *   <Comments postId={postId} />
 * </ErrorBoundary>
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  static override contextType = ResilienceContext;
  declare context: Resilience | null;
  override state: State = cleared;
  /** Resets since the children last rendered without an error. */
  #retries = 0;
  /** The actions the current fallback offers; `capture` gets the same ones. */
  #actions = pageActions;

  static getDerivedStateFromError(error: unknown): State {
    return { didCatch: true, error };
  }

  /** Clears the error and renders the children again; `onReset({ reason: 'imperative-api', args })` first. */
  resetErrorBoundary = (...args: unknown[]): void => {
    if (this.state.didCatch) this.#reset({ reason: 'imperative-api', args }, this.#retries + 1);
  };

  /** Key and location resets start the retry count again: the error belonged to what changed. */
  #reset(details: ResetDetails, retries = 0) {
    this.#retries = retries;
    this.props.onReset?.(details);
    this.setState(cleared);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const { onError, level, name } = this.props;
    onError?.(error, info);
    if (this.context) {
      this.context.capture(error, {
        // React passes `componentStack` as a string to componentDidCatch (React 18 and 19).
        ...(info as Pick<CaptureContext, 'componentStack'>),
        source: 'boundary',
        level,
        name,
        actions: this.#actions,
      });
    }
  }

  override componentDidUpdate(prevProps: ErrorBoundaryProps, prevState: State): void {
    const { resetKeys: next, locationKey } = this.props;
    const prev = prevProps.resetKeys;
    if (!this.state.didCatch) this.#retries = 0;
    // Not in the update that caught the error: keys that changed in it belong to the failed render. The location
    // key counts as one more reset key.
    else if (
      prevState.didCatch &&
      keysChanged([prevProps.locationKey, ...(prev ?? [])], [locationKey, ...(next ?? [])])
    )
      this.#reset({ reason: 'keys', prev, next });
  }

  override render(): ReactNode {
    const { children, fallbackRender, FallbackComponent, fallback, level, escalate } = this.props;
    const { didCatch, error } = this.state;
    let content = children;
    if (didCatch) {
      // Normalised while rendering, so the fallback has it in the first commit; `capture` in
      // componentDidCatch records this same AppError. A second commit to pass it on cost most of the
      // gap to react-error-boundary (issue 11).
      const appError = this.context?.normalize(error);
      const exhausted = this.#retries >= (this.props.maxRetries ?? DEFAULT_MAX_RETRIES);
      // Thrown from render, so the parent boundary catches it.
      if (exhausted && escalate) throw error;
      const actions = (this.#actions = exhausted
        ? pageActions
        : [{ id: 'retry', run: this.resetErrorBoundary }, ...pageActions]);
      const props: FallbackProps = { error, resetErrorBoundary: this.resetErrorBoundary, appError, actions };
      if (typeof fallbackRender === 'function') content = fallbackRender(props);
      else if (FallbackComponent) content = createElement(FallbackComponent, props);
      else if ('fallback' in this.props) content = fallback;
      // The level's default from <ResilienceProvider>. With none, the error goes to the parent boundary: thrown
      // in the same render pass that caught it, which React hands upwards, as react-error-boundary's rethrow.
      else
        content = createElement(BoundaryFallbacksContext.Consumer, {
          children: (fallbacks: LevelFallbacks) => {
            const Fallback = level && fallbacks[level];
            if (!Fallback) throw error;
            return appError && createElement(Fallback, { error: appError, level, actions });
          },
        });
    }
    const value = { didCatch, error, resetErrorBoundary: this.resetErrorBoundary };
    return createElement(ErrorBoundaryContext.Provider, { value }, content);
  }
}
