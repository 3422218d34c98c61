// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import { AppError, isAppError } from './app-error';
import { classifyError, type ClassificationRule } from './classify';

export interface NormalizeOptions {
  /** App rules tried before the defaults. */
  rules?: readonly ClassificationRule[];
}

/** Turns any thrown value into a classified AppError. Never throws. */
export function normalizeError(value: unknown, options: NormalizeOptions = {}): AppError {
  if (isAppError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  const c = classifyError(value, options.rules);
  return new AppError(message, { ...c, cause: value });
}
