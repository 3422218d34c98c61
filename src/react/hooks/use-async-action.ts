import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../core/errors/app-error';
import { compose } from '../../core/policies/compose';
import type { Policy, PolicyContext } from '../../core/policies/types';
import type { CaptureContext } from '../../core/types';
import { useResilience } from '../resilience-context';

/** Where an action is. */
export type AsyncActionStatus = 'idle' | 'pending' | 'success' | 'error';

/** Options for {@link useAsyncAction}. */
export interface AsyncActionOptions {
  /** The policy each run goes through (retry, breaker, timeout, …). @default none: one call */
  policy?: Policy;
  /** What the failure is captured with (feature, userAction, …); a `retry` action is added. @default {} */
  context?: Omit<CaptureContext, 'attempts'>;
}

/** What {@link useAsyncAction} returns. */
export interface AsyncAction<T, I> {
  /** Runs the action (aborting a run still in flight). Resolves the result, or undefined when it failed. */
  run: (input: I) => Promise<T | undefined>;
  /** Runs it again with the last input. */
  retry: () => Promise<T | undefined>;
  /** Aborts a run in flight and goes back to `idle`. */
  reset: () => void;
  status: AsyncActionStatus;
  data: T | undefined;
  /** The failure, as captured by the pipeline. */
  error: AppError | undefined;
  /** The attempt running now, or that settled last (0 before the first run). */
  attempt: number;
}

interface State<T> {
  status: AsyncActionStatus;
  data: T | undefined;
  error: AppError | undefined;
  attempt: number;
}

const IDLE: State<never> = { status: 'idle', data: undefined, error: undefined, attempt: 0 };
/** Runs the action as is when no policy is given. */
const DIRECT = /* @__PURE__ */ compose();

/**
 * Runs an async action through a policy and tracks it for the UI; a failure goes through
 * `resilience.capture` (with a `retry` action), so it is shown and reported like any other.
 *
 * @example
 * const save = useAsyncAction((draft: Draft, { signal }) => api.save(draft, signal), { policy: retry() });
 * <button onClick={() => save.run(draft)} disabled={save.status === 'pending'}>Save</button>
 */
export function useAsyncAction<T, I = void>(
  fn: (input: I, context: PolicyContext) => T | PromiseLike<T>,
  options: AsyncActionOptions = {},
): AsyncAction<T, I> {
  const resilience = useResilience();
  const [state, setState] = useState<State<T>>(IDLE);
  const latest = useRef({ fn, options });
  const current = useRef<{ controller: AbortController; input: I; attempt: number } | undefined>(undefined);
  useEffect(() => {
    latest.current = { fn, options };
  });
  useEffect(() => () => current.current?.controller.abort(), []);
  /** The record of the latest failed run: a later run that succeeds resolves it (a recovery de-escalates). */
  const failed = useRef<string | undefined>(undefined);

  const execute = useMemo(() => {
    const start = async (input: I, rethrow: boolean): Promise<T | undefined> => {
      current.current?.controller.abort();
      const run = { controller: new AbortController(), input, attempt: 1 };
      current.current = run;
      const live = () => current.current === run;
      const { fn: action, options: settings } = latest.current;
      setState((s) => ({ ...s, status: 'pending', error: undefined, attempt: 1 }));
      try {
        const data = await (settings.policy ?? DIRECT).execute((context) => {
          const { attempt } = context;
          run.attempt = attempt;
          if (live() && attempt > 1) setState((s) => ({ ...s, attempt }));
          return action(input, context);
        }, run.controller.signal);
        if (live()) setState({ status: 'success', data, error: undefined, attempt: run.attempt });
        if (failed.current !== undefined) resilience.resolve(failed.current);
        failed.current = undefined;
        return data;
      } catch (thrown) {
        if (!live()) return undefined; // superseded, reset or unmounted: nobody is waiting for it
        const again = () => start(input, true).then(() => undefined);
        const { attempt } = run;
        const context = { source: 'hook', ...settings.context, attempts: attempt };
        const record = resilience.capture(thrown, {
          ...context,
          actions: [{ id: 'retry', run: again, primary: true }],
        });
        failed.current = record.id;
        // This failure's classified error: the one its record holds (the same object), also while an error
        // storm makes the record wait and `capture` answers with a placeholder (findings-11d D5).
        const error = resilience.normalize(thrown);
        setState((s) => ({ ...s, status: 'error', error, attempt }));
        if (rethrow) throw error;
        return undefined;
      }
    };
    return start;
  }, [resilience]);

  const run = useCallback((input: I) => execute(input, false), [execute]);
  const retry = useCallback(
    () => (current.current ? execute(current.current.input, false) : Promise.resolve(undefined)),
    [execute],
  );
  const reset = useCallback(() => {
    current.current?.controller.abort();
    current.current = undefined;
    setState(IDLE);
  }, []);
  return useMemo(() => ({ ...state, run, retry, reset }), [state, run, retry, reset]);
}
