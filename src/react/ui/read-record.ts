import { AppError, isAppError } from '../../core/errors/app-error';
import { readFieldErrors } from '../../core/errors/read-field-errors';
import { readProperty } from '../../core/errors/read-property';
import { ERROR_KINDS, SEVERITIES, type ErrorKind, type Severity } from '../../core/errors/types';
import { PRESENTATIONS, type ErrorRecord, type Presentation, type RecoveryAction } from '../../core/types';

// The one place where the UI reads an error or a record it did not build (issue 9): a forged
// `{ isAppError: true }`, a record pushed into the store by hand, or a half-built one must render as
// an "unknown" error, never throw and take the React tree down. Well-formed values come back as they
// are; repaired ones are cached per input object, so identities stay stable across renders.
const repaired = new WeakMap<object, AppError | ErrorRecord>();

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;
// Finite: a NaN count or time is rendered, sorted and exported as if it were one.
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const cached = <T extends AppError | ErrorRecord>(key: unknown, build: () => T): T => {
  if (!isObject(key)) return build();
  const hit = repaired.get(key);
  if (hit) return hit as T;
  const built = build();
  repaired.set(key, built);
  return built;
};

const optional = (type: 'string' | 'number', value: unknown): boolean =>
  value === undefined || (type === 'number' ? number(value) !== undefined : typeof value === type);
/** The context fields the UI reads (details, toasts, the error log's columns, search and export). */
const CONTEXT_TEXT = ['source', 'level', 'feature', 'name'] as const;
const CONTEXT_NUMBERS = ['attempts', 'nextRetryAt'] as const;

const isAction = (action: unknown): action is RecoveryAction =>
  typeof readProperty(action, 'id') === 'string' && typeof readProperty(action, 'run') === 'function';

const wellFormedFields = (fields: unknown): boolean => {
  try {
    return (
      fields === undefined ||
      (isObject(fields) &&
        Object.values(fields).every(
          (list) => Array.isArray(list) && list.every((m) => typeof m === 'string'),
        ))
    );
  } catch {
    return false;
  }
};

/** An AppError the UI can render: `value` itself when it is a well-formed one, else a repaired copy. */
export function readError(value: unknown): AppError {
  if (isAppError(value) && wellFormedFields(value.fieldErrors)) return value;
  return cached(value, () => {
    const read = (key: string) => readProperty(value, key);
    const actions = read('actions');
    const context = read('context');
    const error = new AppError(text(read('message')) ?? 'Unknown error', {
      kind: oneOf<ErrorKind>(ERROR_KINDS, read('kind'), 'unknown'),
      severity: oneOf<Severity>(SEVERITIES, read('severity'), 'error'),
      retryable: read('retryable') === true,
      code: text(read('code')),
      status: number(read('status')),
      messageKey: text(read('messageKey')),
      actions: Array.isArray(actions) ? actions.filter((id) => typeof id === 'string') : [],
      context: isObject(context) ? (context as Record<string, unknown>) : undefined,
      fieldErrors: readFieldErrors({ fieldErrors: read('fieldErrors') }),
    });
    error.stack = text(read('stack'));
    return error;
  });
}

/** A store record the UI can render, or `undefined` when `value` is not an object at all. */
export function readRecord(value: object): ErrorRecord;
export function readRecord(value: unknown): ErrorRecord | undefined;
export function readRecord(value: unknown): ErrorRecord | undefined {
  if (!isObject(value)) return undefined;
  const record = value as Partial<Record<keyof ErrorRecord, unknown>>;
  try {
    const error = readError(record.error);
    const context = record.context as ErrorRecord['context'] | undefined;
    if (
      error === record.error &&
      typeof record.id === 'string' &&
      typeof record.fingerprint === 'string' &&
      [record.count, record.lastSeen, record.firstSeen].every((n) => number(n) !== undefined) &&
      Array.isArray(record.occurrences) &&
      record.occurrences.every((at) => number(at) !== undefined) &&
      PRESENTATIONS.includes(record.presentation as Presentation) &&
      ['active', 'recovered', 'dismissed'].includes(record.status as string) &&
      isObject(context) &&
      CONTEXT_TEXT.every((key) => optional('string', context[key])) &&
      CONTEXT_NUMBERS.every((key) => optional('number', context[key])) &&
      (context.actions === undefined || (Array.isArray(context.actions) && context.actions.every(isAction)))
    )
      return value as ErrorRecord;
  } catch {
    // Repaired below.
  }
  return cached(value, () => {
    const read = (key: string) => readProperty(value, key);
    const context = read('context');
    const actions = readProperty(context, 'actions');
    const id = text(read('id')) ?? text(read('fingerprint')) ?? 'unknown';
    const time = number(read('lastSeen')) ?? 0;
    return {
      id,
      fingerprint: text(read('fingerprint')) ?? id,
      error: readError(read('error')),
      count: number(read('count')) ?? 1,
      firstSeen: number(read('firstSeen')) ?? time,
      lastSeen: time,
      occurrences: [time],
      presentation: oneOf<Presentation>(PRESENTATIONS, read('presentation'), 'silent'),
      status: oneOf(['active', 'recovered', 'dismissed'] as const, read('status'), 'active'),
      // Only the fields the UI reads, each checked: a getter on a forged context may throw.
      context: {
        source: text(readProperty(context, 'source')),
        level: text(readProperty(context, 'level')) as ErrorRecord['context']['level'],
        feature: text(readProperty(context, 'feature')),
        name: text(readProperty(context, 'name')),
        attempts: number(readProperty(context, 'attempts')),
        nextRetryAt: number(readProperty(context, 'nextRetryAt')),
        actions: Array.isArray(actions) ? actions.filter(isAction) : undefined,
      },
    };
  });
}

/** The records of a store state that the UI can render, each read with {@link readRecord}. */
export function readRecords(records: unknown): ErrorRecord[] {
  return Array.isArray(records) ? records.flatMap((r) => readRecord(r) ?? []) : [];
}
