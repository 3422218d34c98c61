// Default fallbacks per boundary level, provided by
// <ResilienceProvider> so that importing ErrorBoundary alone does not pull in the recovery UI.
import { createContext, type ComponentType } from 'react';
import type { AppError } from '../../core/errors/app-error';
import type { RecoveryAction } from '../../core/types';

export type BoundaryLevel = 'app' | 'page' | 'feature' | 'component';

/** What a level's default fallback receives. */
export interface LevelFallbackProps {
  error: AppError;
  level: BoundaryLevel;
  actions: readonly RecoveryAction[];
  /** The boundary stopped offering "Try again" (`maxRetries` reached): say so instead of suggesting it. */
  retryExhausted?: boolean;
}

export type LevelFallbacks = Partial<Record<BoundaryLevel, ComponentType<LevelFallbackProps>>>;

export const BoundaryFallbacksContext = createContext<LevelFallbacks>({});
