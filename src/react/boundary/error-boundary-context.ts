import { createContext } from 'react';
import type { ErrorBoundaryContextType } from './types';

/** Set by every `<ErrorBoundary>` for its subtree: whether it caught, what, and how to reset it. */
export const ErrorBoundaryContext = createContext<ErrorBoundaryContextType | null>(null);
