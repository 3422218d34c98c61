import { createElement, type ReactElement } from 'react';
import { ErrorBoundary } from './error-boundary';
import type { ErrorBoundaryProps } from './types';

/** Props of a level shorthand: those of `<ErrorBoundary>` without `level`. */
export type LevelBoundaryProps = ErrorBoundaryProps extends infer P
  ? P extends unknown
    ? Omit<P, 'level'>
    : never
  : never;

/**
 * `<ErrorBoundary level="page">`: a page that failed is replaced by the full-screen recovery view (from
 * `<ResilienceProvider>`) unless a fallback is given.
 *
 * @example
 * <PageBoundary name="settings" locationKey={useLocation().key}><Settings /></PageBoundary>
 */
export function PageBoundary(props: LevelBoundaryProps): ReactElement {
  return createElement(ErrorBoundary, { ...props, level: 'page' } as ErrorBoundaryProps);
}

/**
 * `<ErrorBoundary level="feature">`: a feature that failed becomes a card with a way out while the rest of the
 * page keeps working.
 *
 * @example
 * <FeatureBoundary name="recommendations"><Recommendations /></FeatureBoundary>
 */
export function FeatureBoundary(props: LevelBoundaryProps): ReactElement {
  return createElement(ErrorBoundary, { ...props, level: 'feature' } as ErrorBoundaryProps);
}

/**
 * `<ErrorBoundary level="component">`: a small widget that failed becomes an inline message.
 *
 * @example
 * <ComponentBoundary name="avatar"><Avatar user={user} /></ComponentBoundary>
 */
export function ComponentBoundary(props: LevelBoundaryProps): ReactElement {
  return createElement(ErrorBoundary, { ...props, level: 'component' } as ErrorBoundaryProps);
}
