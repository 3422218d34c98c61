// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { ErrorKind, RecoveryActionId, Severity } from './types';

export interface Classification {
  kind: ErrorKind;
  severity: Severity;
  retryable: boolean;
  messageKey: string;
  actions: RecoveryActionId[];
}

/** One row of the rules table: `match` decides, `classify` fills in what it knows. */
export interface ClassificationRule {
  name: string;
  match: (value: unknown) => boolean;
  classification: Partial<Classification> & { kind: ErrorKind };
}

export const defaultRules: readonly ClassificationRule[] = [];

export function classifyError(value: unknown, rules: readonly ClassificationRule[] = []): Classification {
  void value;
  void rules;
  return {
    kind: 'unknown',
    severity: 'error',
    retryable: false,
    messageKey: 'unknown',
    actions: ['dismiss'],
  };
}
