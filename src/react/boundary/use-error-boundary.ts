import { useContext, useMemo, useState } from 'react';
import { ErrorBoundaryContext } from './error-boundary-context';
import type { UseErrorBoundaryApi } from './types';

/**
 * Shows or resets the nearest `<ErrorBoundary>` from event handlers and async code, which boundaries do not see.
 * Throws when used outside a boundary.
 *
 * @example
 * const { showBoundary } = useErrorBoundary();
 * fetchUser().catch(showBoundary);
 */
export function useErrorBoundary(): UseErrorBoundaryApi {
  const context = useContext(ErrorBoundaryContext);
  if (!context) throw new Error('useErrorBoundary: no <ErrorBoundary> above');
  const { error, resetErrorBoundary } = context;
  const [shown, setShown] = useState<{ error: unknown } | null>(null);
  const api = useMemo(
    () => ({
      error,
      resetBoundary: () => {
        resetErrorBoundary();
        setShown(null);
      },
      showBoundary: (thrown: unknown) => setShown({ error: thrown }),
    }),
    [error, resetErrorBoundary],
  );
  // Thrown during render so React routes it to the nearest boundary, like an error in rendering.
  if (shown) throw shown.error;
  return api;
}
