import {
  createElement,
  forwardRef,
  type ComponentProps,
  type ComponentRef,
  type ComponentType,
  type ForwardRefExoticComponent,
  type JSX,
  type PropsWithoutRef,
  type RefAttributes,
} from 'react';
import { ErrorBoundary } from './error-boundary';
import type { ErrorBoundaryProps } from './types';

/**
 * Wraps a component in an `<ErrorBoundary>`; refs reach the wrapped component.
 *
 * @example
 * const SafeChart = withErrorBoundary(Chart, { level: 'feature', name: 'chart' });
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component type, as in react-error-boundary
export function withErrorBoundary<Type extends ComponentType<any>>(
  Component: Type,
  errorBoundaryProps: ErrorBoundaryProps,
): ForwardRefExoticComponent<
  PropsWithoutRef<JSX.LibraryManagedAttributes<Type, ComponentProps<Type>>> &
    RefAttributes<ComponentRef<Type>>
> {
  const Wrapped = forwardRef<ComponentRef<Type>, PropsWithoutRef<ComponentProps<Type>>>((props, ref) =>
    createElement(ErrorBoundary, errorBoundaryProps, createElement(Component, { ...props, ref })),
  );
  Wrapped.displayName = `withErrorBoundary(${Component.displayName || Component.name || 'Unknown'})`;
  return Wrapped as never;
}
