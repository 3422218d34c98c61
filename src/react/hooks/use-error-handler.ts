import { useCallback, useState } from 'react';
import type { CaptureContext, ErrorRecord } from '../../core/types';
import { useOptionalResilience } from '../resilience-context';

/** What `handleError` accepts besides the error: the capture context, plus where the error should go. */
export interface HandleErrorContext extends CaptureContext {
  /**
   * Rethrow to the nearest `<ErrorBoundary>` (on the next render) instead of presenting it here: for errors that
   * leave nothing useful to show. The boundary captures it, with its level and name.
   * @default false
   */
  showBoundary?: boolean;
}

/** `handleError(error, context?)`: the captured record, or `undefined` when the error went to a boundary. */
export type HandleError = (error: unknown, context?: HandleErrorContext) => ErrorRecord | undefined;

/**
 * Handles an error from an event handler, effect or promise the way a boundary would: through
 * `resilience.capture` (source `hook`), which records, presents (toast, dialog, …) and reports it. `context` can
 * carry recovery actions for the toast or dialog. Without a `<ResilienceProvider>` there is nowhere to present it,
 * so every error goes to the nearest boundary. The function keeps its identity across renders.
 *
 * @example
 * const handleError = useErrorHandler();
 * const save = () => api.save(draft).catch((e) => handleError(e, { userAction: 'save draft', actions: [retry] }));
 */
export function useErrorHandler(): HandleError {
  const resilience = useOptionalResilience();
  const [thrown, setThrown] = useState<{ error: unknown } | null>(null);
  const handleError = useCallback<HandleError>(
    (error, { showBoundary, ...context } = {}) => {
      if (resilience && !showBoundary) return resilience.capture(error, { source: 'hook', ...context });
      setThrown({ error });
      return undefined;
    },
    [resilience],
  );
  // Thrown while rendering, so React hands it to the nearest boundary.
  if (thrown) throw thrown.error;
  return handleError;
}
