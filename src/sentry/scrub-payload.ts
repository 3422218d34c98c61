import { createRedactor, type RedactOptions } from '../core/errors/redact';
import type { JsonValue } from '../core/errors/types';
import { scrubPositional } from './scrub-positional';

/**
 * Identifiers Sentry needs intact: their values are still scanned for secrets. Not `sid`: an app's own
 * session id under that name (in `extra`, `contexts`, `tags`) is a secret; Sentry's session `sid` is
 * kept only where Sentry puts it, by `scrubEnvelope` (issue 9, H0b).
 */
const SENTRY_ID_KEYS = ['event_id', 'trace_id', 'span_id', 'parent_span_id', 'replay_id', 'profile_id'];
/**
 * Deep enough for a stack frame (event → exception → values → [i] → stacktrace → frames → [j] → field),
 * and enough values for a whole event: a 50-frame stack, 100 breadcrumbs and their data come to a few
 * thousand, and the fingerprint and tags come after them (the default of 500 cut those to `[…]`).
 * Bounded work per payload (issue 9, H0): each string is cut to the store's 2,000 characters after the
 * rules saw it (redact, then cut: `clip`), and the rules see at most 50,000 characters in all; later
 * strings become `[…]` whole. 100 console breadcrumbs of 20 kB took 0.9 s before, hostile ones 27 s.
 */
const ENVELOPE_LIMITS = {
  maxDepth: 16,
  maxEntries: 500,
  maxStringLength: 2_000,
  maxNodes: 20_000,
  maxCharacters: 50_000,
};
/** A URL's query and fragment: `?token=…`, `#access_token=…`. */
const URL_QUERY = /(\b[a-z][\w+.-]*:\/\/[^\s?#"'<>]*|(?<![\w/])\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;
/**
 * Fields that hold only a query string or fragment: Sentry's `request.query_string`, OpenTelemetry's
 * `url.query`/`url.fragment`, `http.query`. Dropped whole: no form of their value is safe to keep.
 */
const QUERY_FIELD = /^(?:query_?string|[\w.-]+\.(?:query|fragment))$/i;
/**
 * Fields that hold one URL, whatever its form (`api/x?code=…`, `example.com/cb?…`, `?code=…`): a
 * fetch/xhr breadcrumb's `url`, a navigation's `from`/`to`, `http.url`, `url.full`, `http.target`.
 * Everything from the first `?` or `#` is cut (issue 13, F1/F2).
 */
const URL_FIELD = /^(?:from|to|href|[\w.-]*(?:url|uri)|url\.full|http\.target)$/i;

/** What the scrubber does besides redaction: the choices of `dataCollection` that reach data already collected. */
export interface ScrubRules {
  /**
   * Cut the query string and fragment off every URL in the payload's text and off every URL field,
   * and drop fields that hold only a query (`query_string`, `url.query`, `http.query`, `*.fragment`).
   */
  stripQueries: boolean;
}

/** Redacts and bounds any payload bound for Sentry: the same rules as bulwark's reports, plus `ScrubRules`. */
export type PayloadScrubber = (value: unknown) => JsonValue;

const stripQueries = (value: JsonValue, key: string): JsonValue => {
  if (typeof value === 'string') {
    const text = URL_FIELD.test(key) ? value.replace(/[?#][\s\S]*/, '') : value;
    return text.replace(URL_QUERY, '$1');
  }
  if (Array.isArray(value)) return value.map((item) => stripQueries(item, key));
  if (value && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [name, item] of Object.entries(value)) {
      // A span attribute is `{ "url.full": { type, value } }`: its `value` is read under the attribute's name.
      if (!QUERY_FIELD.test(name)) out[name] = stripQueries(item, name === 'value' ? key : name);
    }
    return out;
  }
  return value;
};

/**
 * An event with what the character budget may cut moved last: exception, fingerprint, tags and the
 * rest are scrubbed first, then `extra`, then breadcrumbs newest first (`reversed`: put back after).
 * Only a plain object (an event, as Sentry builds it) is reordered; anything else is scrubbed as it is.
 */
const budgetOrder = (value: unknown): { ordered: unknown; reversed: boolean } => {
  try {
    const proto: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    if ((proto !== Object.prototype && proto !== null) || Array.isArray(value))
      return { ordered: value, reversed: false };
    const { breadcrumbs, extra, ...rest } = value as Record<string, unknown>;
    const reversed = Array.isArray(breadcrumbs);
    const ordered = {
      ...rest,
      ...(extra === undefined ? {} : { extra }),
      ...(breadcrumbs === undefined
        ? {}
        : { breadcrumbs: reversed ? [...(breadcrumbs as unknown[])].reverse() : breadcrumbs }),
    };
    return { ordered, reversed };
  } catch {
    // A Proxy whose traps throw: the redactor copies what it can.
    return { ordered: value, reversed: false };
  }
};

/**
 * Builds the scrubber `bulwarkSentryOptions` runs in `beforeSend`, `beforeBreadcrumb` and its transport:
 * parameters named by their place in a format string (`scrubPositional`), then bulwark's redactor (key
 * names and secret shapes) over every string and key, then the query strings cut.
 */
export function createPayloadScrubber(redact: RedactOptions, rules: ScrubRules): PayloadScrubber {
  const redactor = createRedactor({
    ...redact,
    limits: { ...ENVELOPE_LIMITS, ...redact.limits },
    allowKeys: [...SENTRY_ID_KEYS, ...(redact.allowKeys ?? [])],
  });
  const replacement = redact.replacement ?? '[REDACTED]';
  return (value) => {
    // Parameters named by their place in a template first (`password %s`), while they are still apart.
    const { ordered, reversed } = budgetOrder(scrubPositional(value, redactor, replacement));
    const safe = redactor(ordered);
    if (reversed && safe && typeof safe === 'object' && !Array.isArray(safe)) {
      const crumbs = safe.breadcrumbs;
      if (Array.isArray(crumbs)) crumbs.reverse();
    }
    return rules.stripQueries ? stripQueries(safe, '') : safe;
  };
}
