import { Component, createElement, type ErrorInfo, type ReactNode } from 'react';
import { jsx } from 'react/jsx-runtime';
import type { AppError } from '../../core/errors/app-error';
import type { Resilience } from '../../core/resilience';
import type { CaptureContext, RecoveryAction } from '../../core/types';
import { ResilienceContext } from '../resilience-context';
import { ErrorBoundaryContext } from './error-boundary-context';
import { BoundaryFallbacksContext, type LevelFallbacks } from './boundary-fallbacks-context';
import { rememberFocus, restoreFocus, type FocusSpot } from './restore-focus';
import type { ErrorBoundaryProps, ResetDetails } from './types';

type State = { didCatch: false; error: null } | { didCatch: true; error: unknown };

const cleared: State = { didCatch: false, error: null };

/** Ways out that do not depend on the boundary. */
const pageActions: RecoveryAction[] = [
  { id: 'reload', run: () => location.reload() },
  { id: 'go-back', run: () => history.back() },
];

/** Resets offered before "Try again" is withdrawn (see `maxRetries`). */
export const DEFAULT_MAX_RETRIES = 3;

/**
 * How long, in ms, the children must stay up after a reset before the retry count starts again. A child that
 * commits and then fails in an effect would otherwise restart the count on every reset, and a fallback that
 * resets from an effect would loop (issue 10).
 */
export const RETRY_SETTLE_MS = 1000;

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
  /** Epoch ms at which the children last committed after showing an error. */
  #upSince: number | undefined;
  /** The store record of the error shown, resolved once the children render again. */
  #recordId: string | undefined;
  /** Resets by keys since the children last stayed up (see componentDidUpdate). */
  #keyResets = 0;
  /** Epoch ms of the latest caught error: key resets within RETRY_SETTLE_MS of it are a loop, not a user going elsewhere. */
  #caughtAt = 0;
  /**
   * Whether the fallback being shown renders the error: the level's built-in fallback, a `FallbackComponent`
   * (given the error to show), or a `fallbackRender` that read `error` or `appError`. A static `fallback`
   * node (`null`, a spinner, a placeholder) shows nothing of it, so the capture has no inline surface and
   * the disclosure manager shows it as a toast instead (issue 10).
   */
  #showsError = false;
  /** What had focus when the children failed (read before the fallback replaced them), given back on recovery. */
  #focusBefore: FocusSpot | null | undefined;
  /** What had focus when the error was reset (the fallback's "Try again"): its container is the place to go back to if the children's control is gone. */
  #focusAtReset: FocusSpot | null = null;

  static getDerivedStateFromError(error: unknown): State {
    return { didCatch: true, error };
  }

  /** Clears the error and renders the children again; `onReset({ reason: 'imperative-api', args })` first. */
  resetErrorBoundary = (...args: unknown[]): void => {
    // However it is called (a button, an effect, a ref), the limit holds: no render loop.
    if (this.state.didCatch && !this.#exhausted())
      this.#reset({ reason: 'imperative-api', args }, this.#retries + 1);
  };

  #exhausted(): boolean {
    return this.#retries >= (this.props.maxRetries ?? DEFAULT_MAX_RETRIES);
  }

  /** Key and location resets start the retry count again: the error belonged to what changed. */
  #reset(details: ResetDetails, retries = 0) {
    this.#retries = retries;
    this.#focusAtReset = rememberFocus();
    this.props.onReset?.(details);
    this.setState(cleared);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const { onError, level, name } = this.props;
    this.#caughtAt = Date.now();
    onError?.(error, info);
    if (this.context) {
      // After the paint: the fallback is on screen before the pipeline runs (issue 11). The id handed back
      // is a stand-in that `resolve` maps to the record once it is made.
      const record = this.context.capture(
        error,
        {
          // React passes `componentStack` as a string to componentDidCatch (React 18 and 19).
          ...(info as Pick<CaptureContext, 'componentStack'>),
          source: 'boundary',
          level,
          name,
          actions: this.#actions,
          inlineSurface: this.#showsError, // the fallback shows it where it happened
        },
        { afterPaint: true },
      );
      this.#recordId = record.id;
    }
  }

  override componentDidUpdate(prevProps: ErrorBoundaryProps, prevState: State): void {
    const { resetKeys: next, locationKey } = this.props;
    const prev = prevProps.resetKeys;
    if (!this.state.didCatch) {
      if (prevState.didCatch) this.#recovered();
    }
    // Not in the update that caught the error: keys that changed in it belong to the failed render. The location
    // key counts as one more reset key.
    else if (
      prevState.didCatch &&
      keysChanged([prevProps.locationKey, ...(prev ?? [])], [locationKey, ...(next ?? [])])
    ) {
      // Keys that change right after each catch (an inline object in a parent that re-renders on every
      // error) would loop: key resets in a row are bounded by maxRetries too. A change once the fallback has
      // been up a while is the user going elsewhere, and starts that count again.
      if (Date.now() - this.#caughtAt >= RETRY_SETTLE_MS) this.#keyResets = 0;
      if (this.#keyResets < (this.props.maxRetries ?? DEFAULT_MAX_RETRIES)) {
        this.#keyResets++;
        this.#reset({ reason: 'keys', prev, next });
      }
    }
  }

  /** The children rendered again: the record is resolved, so its next failure starts gently. */
  #recovered() {
    this.#upSince = Date.now();
    if (this.#recordId) this.context?.resolve(this.#recordId);
    this.#recordId = undefined;
    restoreFocus(this.#focusBefore, this.#focusAtReset);
    this.#focusBefore = undefined;
    this.#focusAtReset = null;
  }

  override render(): ReactNode {
    const { children, fallbackRender, FallbackComponent, fallback, level, escalate } = this.props;
    const { didCatch, error } = this.state;
    let content = children;
    if (didCatch) {
      // Still the failed children's page: the fallback has not replaced them yet.
      if (this.#focusBefore === undefined) this.#focusBefore = rememberFocus();
      // Children that stayed up for a while recovered: this is a new failure with a fresh count.
      if (this.#upSince !== undefined && Date.now() - this.#upSince >= RETRY_SETTLE_MS)
        this.#retries = this.#keyResets = 0;
      this.#upSince = undefined;
      // The classified error, computed when the fallback first reads it: a fallback that shows only
      // `error.message` (react-error-boundary's kind) does not pay for classification and redaction before
      // its paint (issue 11). `normalize` keeps it per thrown value, so it is the AppError the record holds,
      // whenever it is read; no second commit passes it on.
      const resilience = this.context;
      let appError: AppError | undefined;
      const readAppError = () => (appError ??= resilience?.normalize(error));
      const exhausted = this.#exhausted();
      // Thrown from render, so the parent boundary catches it.
      if (exhausted && escalate) throw error;
      const actions = (this.#actions = exhausted
        ? pageActions
        : [{ id: 'retry', run: this.resetErrorBoundary }, ...pageActions]);
      this.#showsError = true;
      if (typeof fallbackRender === 'function') {
        // A render function that never reads the error does not show it.
        this.#showsError = false;
        const shown = () => (this.#showsError = true);
        content = fallbackRender({
          resetErrorBoundary: this.resetErrorBoundary,
          actions,
          get error() {
            shown();
            return error;
          },
          get appError() {
            shown();
            return readAppError();
          },
        });
      } else if (FallbackComponent)
        // `jsx` keeps this props object (React 19 copies it only when it holds a `key`), so `appError` stays
        // a getter; React 18 copies it, which reads it at once, as before.
        content = jsx(FallbackComponent, {
          error,
          resetErrorBoundary: this.resetErrorBoundary,
          actions,
          get appError() {
            return readAppError();
          },
        });
      else if ('fallback' in this.props) {
        content = fallback;
        this.#showsError = false;
      }
      // The level's default from <ResilienceProvider>. With none, the error goes to the parent boundary: thrown
      // in the same render pass that caught it, which React hands upwards, as react-error-boundary's rethrow.
      else
        content = createElement(BoundaryFallbacksContext.Consumer, {
          children: (fallbacks: LevelFallbacks) => {
            const Fallback = level && fallbacks[level];
            if (!Fallback) throw error;
            const shown = readAppError();
            return (
              shown && createElement(Fallback, { error: shown, level, actions, retryExhausted: exhausted })
            );
          },
        });
    }
    const value = { didCatch, error, resetErrorBoundary: this.resetErrorBoundary };
    return createElement(ErrorBoundaryContext.Provider, { value }, content);
  }
}
