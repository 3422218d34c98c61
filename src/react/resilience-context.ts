import { createContext, useContext } from 'react';
import type { Resilience } from '../core/resilience';

/** Carries the app's `Resilience` instance; set by `<ResilienceProvider>`. */
export const ResilienceContext = createContext<Resilience | null>(null);

/** The nearest `Resilience` instance. Throws a clear error outside `<ResilienceProvider>`. */
export function useResilience(): Resilience {
  const resilience = useContext(ResilienceContext);
  if (!resilience) throw new Error('useResilience must be used within <ResilienceProvider>');
  return resilience;
}

/** The nearest `Resilience` instance, or `null` outside a provider (for components that work without one). */
export function useOptionalResilience(): Resilience | null {
  return useContext(ResilienceContext);
}
