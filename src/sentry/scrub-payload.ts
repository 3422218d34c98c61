import { createRedactor, type RedactOptions } from '../core/errors/redact';
import type { JsonValue } from '../core/errors/types';

/**
 * Identifiers Sentry needs intact (a session's `sid` would match the `sid` secret-key rule): their values
 * are still scanned for secrets.
 */
const SENTRY_ID_KEYS = [
  'sid',
  'event_id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'replay_id',
  'profile_id',
];
/**
 * Deep enough for a stack frame (event → exception → values → [i] → stacktrace → frames → [j] → field),
 * and enough values for a whole event: a 50-frame stack, 100 breadcrumbs and their data come to a few
 * thousand, and the fingerprint and tags come after them (the default of 500 cut those to `[…]`).
 */
const ENVELOPE_LIMITS = { maxDepth: 16, maxEntries: 500, maxStringLength: 20_000, maxNodes: 20_000 };
/** A URL's query and fragment: `?token=…`, `#access_token=…`. */
const URL_QUERY = /(\b[a-z][\w+.-]*:\/\/[^\s?#"'<>]*|(?<![\w/])\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;

/** What the scrubber does besides redaction: the choices of `dataCollection` that reach data already collected. */
export interface ScrubRules {
  /** Cut the query string and fragment off every URL in the payload. */
  stripQueries: boolean;
}

/** Redacts and bounds any payload bound for Sentry: the same rules as bulwark's reports, plus `ScrubRules`. */
export type PayloadScrubber = (value: unknown) => JsonValue;

const mapStrings = (value: JsonValue, map: (text: string) => string): JsonValue => {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = mapStrings(item, map);
    return out;
  }
  return value;
};

/**
 * Builds the scrubber `bulwarkSentryOptions` runs in `beforeSend`, `beforeBreadcrumb` and its transport:
 * bulwark's redactor (key names and secret shapes) over every string and key, then the query strings cut.
 */
export function createPayloadScrubber(redact: RedactOptions, rules: ScrubRules): PayloadScrubber {
  const redactor = createRedactor({
    ...redact,
    limits: { ...ENVELOPE_LIMITS, ...redact.limits },
    allowKeys: [...SENTRY_ID_KEYS, ...(redact.allowKeys ?? [])],
  });
  const stripQuery = (text: string) => text.replace(URL_QUERY, '$1');
  return (value) => {
    const safe = redactor(value);
    return rules.stripQueries ? mapStrings(safe, stripQuery) : safe;
  };
}
