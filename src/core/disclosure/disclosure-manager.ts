// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { ErrorRecord, Presentation } from '../types';

export interface DisclosureOptions {
  /** Window in which recurrences of one fingerprint count towards escalation. @default 60_000 */
  windowMs?: number;
}

export interface DisclosureManager {
  /** The presentation for a record that has just been recorded. */
  decide: (record: ErrorRecord) => Presentation;
}

export function createDisclosureManager(options: DisclosureOptions = {}): DisclosureManager {
  void options;
  return { decide: (record) => (record.error.severity === 'info' ? 'silent' : 'toast') };
}
