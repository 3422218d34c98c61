// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { AppError } from './app-error';

/** Stable key for "the same error". */
export function fingerprint(error: AppError): string {
  return [error.kind, error.code, error.status ?? '', error.message].join('|');
}
