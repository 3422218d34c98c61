// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { JsonValue } from './types';
import { toJsonSafe } from './to-json-safe';

export interface RedactOptions {
  /** Extra key names (case-insensitive) whose values are always removed. */
  keys?: readonly (string | RegExp)[];
  /** Extra value patterns replaced wherever they appear in a string. */
  patterns?: readonly RegExp[];
}

export type Redactor = (value: unknown) => JsonValue;

export function createRedactor(options: RedactOptions = {}): Redactor {
  void options;
  return (value) => toJsonSafe(value);
}

/** Removes secrets from any value with the default rules. Returns a JSON-safe copy. */
export function redact(value: unknown): JsonValue {
  return createRedactor()(value);
}

/** Removes secrets from a string with the default rules. */
export function redactString(value: string): string {
  return value;
}
