import { oversizedNumber } from './oversized-number';
import {
  ERROR_KINDS,
  SEVERITIES,
  type ErrorKind,
  type FieldErrors,
  type JsonValue,
  type RecoveryActionId,
  type Severity,
} from './types';

/** Nesting kept by {@link AppError.toJSON}; deeper objects become `"[Object]"`. */
const MAX_DEPTH = 6;
/** Digits of a BigInt written by {@link AppError.toJSON}; a longer one is described by its size, as the store does (H4). */
const MAX_DIGITS = 2000;
/**
 * An Error's name, message and stack are usually not enumerable. Not `cause`: it holds the original
 * thrown value, raw and unbounded, for the app's own code, and is never serialised (issue 9).
 */
const ERROR_KEYS = ['name', 'message', 'stack'];

/**
 * The JSON-safe copy behind {@link AppError.toJSON}: cycles become `"[Circular]"`, functions,
 * symbols and bigints strings (a BigInt of more than 2,000 digits described by its size), a getter that throws `"[Unreadable]"`, depth is bounded; nested
 * Errors keep name, message, stack and cause, other objects with a `toJSON` (Date, URL) use it.
 * `ancestors` are the objects above `value` (their count is its depth). Only the root can reach
 * this without a parent's `try`, and the root is an AppError, whose own fields read safely.
 * Smaller than `toJsonSafe` (no hooks, no entry or string limits): every policy bundle carries
 * AppError, and the size goal of issue 5 leaves no room for the redactor's walker.
 */
function jsonCopy(value: unknown, ancestors: readonly object[]): JsonValue {
  if (typeof value !== 'object' || !value) {
    if (typeof value === 'function') return `[Function ${value.name}]`;
    if (typeof value === 'bigint') return oversizedNumber(value, MAX_DIGITS) ?? String(value);
    // What is left is a string, number, boolean, undefined or null.
    return typeof value === 'symbol' ? String(value) : ((value as JsonValue | undefined) ?? null);
  }
  if (ancestors.includes(value)) return '[Circular]';
  if (ancestors.length >= MAX_DEPTH) return '[Object]';
  const path = [...ancestors, value];
  const source = value as { [key: string]: unknown; toJSON?: () => unknown };
  const isError = value instanceof Error;
  if (!isError && typeof source.toJSON === 'function') return jsonCopy(source.toJSON(), path);
  const copy = (Array.isArray(value) ? [] : {}) as Record<string, JsonValue>;
  for (const key of [...(isError ? ERROR_KEYS : []), ...Object.keys(value)]) {
    try {
      const item = source[key];
      if (item !== undefined) copy[key] = jsonCopy(item, path);
    } catch {
      // A throwing getter, or a Proxy or `toJSON` that throws while the item is copied.
      copy[key] = '[Unreadable]';
    }
  }
  return copy;
}

/** Options for {@link AppError}; every field has a default so `new AppError('msg')` is valid. */
export interface AppErrorOptions {
  /** @default 'unknown' */
  kind?: ErrorKind;
  /** @default 'error' */
  severity?: Severity;
  /** Whether trying the same thing again may succeed. @default false */
  retryable?: boolean;
  /** Stable machine-readable code, e.g. `HTTP_503` or `VALIDATION_FAILED`. @default the kind upper-cased */
  code?: string;
  /** HTTP status, when the error came from a response. @default undefined */
  status?: number;
  /** How long the server asked us to wait before retrying (from `Retry-After`). @default undefined */
  retryAfterMs?: number;
  /** Where and why it happened: free-form, redacted before it is stored or reported. @default undefined */
  context?: Readonly<Record<string, unknown>>;
  /** Field-level messages of a validation error. @default undefined */
  fieldErrors?: FieldErrors;
  /** The message-catalog key for the user-facing text. @default the kind */
  messageKey?: string;
  /** Recovery actions that fit this error, best first. @default [] */
  actions?: readonly RecoveryActionId[];
  /** The original thrown value. @default undefined */
  cause?: unknown;
  /**
   * A stack to keep instead of recording one here: `normalizeError` passes the thrown value's, so the
   * top frame is where it was thrown and no second stack is captured. @default recorded where constructed
   */
  stack?: string;
}

/**
 * The one error type the pipeline works with: every thrown value is normalised into an `AppError`.
 *
 * @example
 * throw new AppError('Card declined', { kind: 'validation', code: 'CARD_DECLINED', severity: 'warning' });
 */
export class AppError extends Error {
  /** Marker that survives two copies of the package, where `instanceof` fails. Use {@link isAppError}. */
  readonly isAppError = true as const;
  // `declare`: assigned in the constructor, so no class-field boilerplate is emitted (size budget, issue 2).
  declare readonly kind: ErrorKind;
  declare readonly severity: Severity;
  declare readonly retryable: boolean;
  declare readonly code: string;
  declare readonly status: number | undefined;
  declare readonly retryAfterMs: number | undefined;
  declare readonly context: Readonly<Record<string, unknown>> | undefined;
  declare readonly fieldErrors: FieldErrors | undefined;
  declare readonly messageKey: string;
  declare readonly actions: readonly RecoveryActionId[];

  constructor(message: string, options: AppErrorOptions = {}) {
    // Recording a stack that is replaced at once was 12% of an error storm (issue 11): with a stack
    // given, V8 records none (`stackTraceLimit` is V8's; other engines ignore it and record one anyway).
    const { stack } = options;
    const limit = Error.stackTraceLimit;
    let changed = false;
    try {
      if (stack !== undefined) Error.stackTraceLimit = 0;
      changed = stack !== undefined;
    } catch {
      // Frozen intrinsics (SES): a stack is recorded and replaced, as before.
    }
    try {
      // Error reads only `cause` from the options (and sets it only when present).
      super(message, options);
    } finally {
      if (changed) Error.stackTraceLimit = limit;
    }
    if (stack !== undefined) this.stack = stack;
    this.name = 'AppError';
    this.kind = options.kind ?? 'unknown';
    this.severity = options.severity ?? 'error';
    this.retryable = options.retryable ?? false;
    this.code = options.code ?? this.kind.toUpperCase().replace(/-/g, '_');
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.context = options.context;
    this.fieldErrors = options.fieldErrors;
    this.messageKey = options.messageKey ?? this.kind;
    this.actions = options.actions ?? [];
  }

  /** A JSON-safe copy: name, message, stack, cause and every field (subclasses' too); no cycles, no functions, bounded. */
  toJSON(): { [key: string]: JsonValue } {
    return jsonCopy(this, []) as { [key: string]: JsonValue };
  }
}

/**
 * True for any `AppError`, including one from another copy of bulwark or another realm. The marker is
 * checked, not trusted: every field the pipeline and the UI read (name, message, stack, code, …)
 * must have its type too, so a forged `{ isAppError: true }`, or one whose `stack` is a number, is
 * normalised like any other value (issue 9). Never throws.
 */
export function isAppError(value: unknown): value is AppError {
  try {
    const error = value as { [K in keyof AppError]?: unknown } | null | undefined;
    return (
      error?.isAppError === true &&
      typeof error.message === 'string' &&
      typeof error.name === 'string' &&
      ['undefined', 'string'].includes(typeof error.stack) &&
      typeof error.code === 'string' &&
      typeof error.messageKey === 'string' &&
      typeof error.retryable === 'boolean' &&
      ERROR_KINDS.includes(error.kind as ErrorKind) &&
      SEVERITIES.includes(error.severity as Severity) &&
      Array.isArray(error.actions) &&
      error.actions.every((id) => typeof id === 'string') &&
      ['undefined', 'number'].includes(typeof error.status) &&
      ['undefined', 'number'].includes(typeof error.retryAfterMs) &&
      ['undefined', 'object'].includes(typeof error.context) &&
      ['undefined', 'object'].includes(typeof error.fieldErrors)
    );
  } catch {
    // A Proxy whose traps throw is no AppError.
    return false;
  }
}
