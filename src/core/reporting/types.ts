// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { ErrorRecord } from '../types';

/** Somewhere errors are sent (console, Sentry, your backend). Receives records already redacted. */
export interface Reporter {
  name: string;
  report: (record: ErrorRecord) => void | Promise<void>;
}
