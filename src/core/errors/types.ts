/** What went wrong, coarse enough to choose a message and a recovery from. */
export type ErrorKind =
  | 'network'
  | 'timeout'
  | 'offline'
  | 'aborted'
  | 'rate-limit'
  | 'auth'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'server'
  | 'circuit-open'
  | 'chunk-load'
  | 'render'
  | 'unknown';

/** Every kind, in a stable order (handy for tests, catalogs and dashboards). */
export const ERROR_KINDS: readonly ErrorKind[] = [
  'network',
  'timeout',
  'offline',
  'aborted',
  'rate-limit',
  'auth',
  'forbidden',
  'not-found',
  'validation',
  'conflict',
  'server',
  'circuit-open',
  'chunk-load',
  'render',
  'unknown',
];

/** How bad it is for the user, lowest first. */
export type Severity = 'info' | 'warning' | 'error' | 'critical';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error', 'critical'];

/** A way out the UI can offer. Apps may use their own ids too. */
export type RecoveryActionId =
  | 'retry'
  | 'reload'
  | 'sign-in'
  | 'go-back'
  | 'go-home'
  | 'check-connection'
  | 'contact-support'
  | 'dismiss'
  | (string & {});

/** Field-level messages of a validation error: field name → messages. */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** JSON-safe value: what `toJSON` and redaction produce. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
