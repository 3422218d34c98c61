import { useEffect, useMemo, type ReactNode } from 'react';
import { installGlobalHandlers } from '../core/global/install-global-handlers';
import type { Resilience } from '../core/resilience';
import {
  BoundaryFallbacksContext,
  type LevelFallbackProps,
  type LevelFallbacks,
} from './boundary/boundary-fallbacks-context';
import { isComponentStackProbe } from './component-stack-probe';
import { ResilienceContext } from './resilience-context';
import { FullscreenError } from './ui/fullscreen-error';
import { FullscreenErrorHost } from './ui/fullscreen-error-host';
import { InlineError } from './ui/inline-error';
import { RecoveryDialogHost } from './ui/recovery-dialog-host';
import { RecoveryToaster } from './ui/recovery-toaster';
import { ProvidedPresenterContext } from './ui/use-sole-presenter';

/** Props of {@link ResilienceProvider}. */
export interface ResilienceProviderProps {
  resilience: Resilience;
  /** Send uncaught errors and unhandled rejections to `capture` while mounted. @default true */
  globalHandlers?: boolean;
  /**
   * Render the toaster, the dialog host and the fullscreen host. Turn off to place them yourself. A nested provider
   * for the same instance shares the outer one's (one of each per instance). @default true
   */
  presenters?: boolean;
  /** Where "Contact support" links to on fullscreen errors. */
  supportHref?: string;
  children?: ReactNode;
}

/**
 * Hands a `Resilience` instance to the tree, with default boundary fallbacks per level, the global
 * error listeners and the presenters (toasts, one dialog, fullscreen). SSR-safe: nothing touches
 * `window` until effects run.
 *
 * @example
 * const resilience = createResilience();
 * createRoot(el).render(
 *   <ResilienceProvider resilience={resilience} supportHref="/help">
 *     <App />
 *   </ResilienceProvider>,
 * );
 */
export function ResilienceProvider(props: ResilienceProviderProps) {
  // Above most of an app's boundaries: React probes it on every caught error (see isComponentStackProbe).
  if (isComponentStackProbe(props)) return null;
  const { resilience, globalHandlers = true, presenters = true, supportHref, children } = props;
  // Hooks after the probe's early return run on every real render, always in this order.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  useEffect(
    () => (globalHandlers ? installGlobalHandlers(resilience) : undefined),
    [resilience, globalHandlers],
  );
  // eslint-disable-next-line react-hooks/rules-of-hooks
  const fallbacks = useMemo<LevelFallbacks>(() => {
    const Page = (p: LevelFallbackProps) => (
      <FullscreenError
        error={p.error}
        actions={p.actions}
        supportHref={supportHref}
        replacesPage
        retryExhausted={p.retryExhausted}
      />
    );
    const Feature = (p: LevelFallbackProps) => (
      <InlineError error={p.error} actions={p.actions} variant="card" retryExhausted={p.retryExhausted} />
    );
    const Component = (p: LevelFallbackProps) => (
      <InlineError error={p.error} actions={p.actions} variant="compact" />
    );
    return { app: Page, page: Page, feature: Feature, component: Component };
  }, [supportHref]);
  return (
    <ResilienceContext.Provider value={resilience}>
      <BoundaryFallbacksContext.Provider value={fallbacks}>
        {children}
        {presenters && (
          <ProvidedPresenterContext.Provider value>
            <RecoveryToaster />
            <RecoveryDialogHost />
            <FullscreenErrorHost supportHref={supportHref} />
          </ProvidedPresenterContext.Provider>
        )}
      </BoundaryFallbacksContext.Provider>
    </ResilienceContext.Provider>
  );
}
