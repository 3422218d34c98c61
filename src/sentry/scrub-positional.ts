import type { Redactor } from '../core/errors/redact';

/**
 * Values named by their position in a format string (issue 9, findings-9c N7). In
 * `console.error('Login failed for %s with password %s', user, pw)`, `Sentry.logger.fmt` and
 * `Sentry.parameterize` the name is in the template and the value is the Nth parameter, so no rule sees
 * `password` next to its value: Sentry's console breadcrumb keeps `data.arguments` and a message that
 * joins them, a log keeps `sentry.message.template` and `sentry.message.parameter.N`, an event keeps
 * `logentry.message` and `logentry.params`.
 *
 * Each parameter whose placeholder follows a secret key name (`password %s`, `password=%s`,
 * `api key: {}`) is redacted as a value under that name (so counts, booleans and `''` stay, as
 * everywhere), and every place its text appears in the formatted message (the breadcrumb's message, the
 * log's body, the event's message) is replaced too. Console arguments without placeholders
 * (`console.log('password:', pw)`) read each argument as named by the one before it, as Sentry's own
 * console-to-log template does. The usual redaction runs afterwards over everything.
 */

/** printf placeholders (`%%` is a literal percent) and Sentry's `{}` in console log templates. */
const PLACEHOLDER = /%[sdifoOjc%]|\{\}/g;
/** Separators between a name and its placeholder: `password=%s`, `password: '%s'`, `"token":"%s"`. */
const SEPARATORS = /[\s:=>"'`([{-]*$/;
/** The last words before the separators: `with password` → `password`; `api key` → `api key`. */
const NAME_WORDS = /(?:[\p{L}\p{N}_.$]+[ \t_-]?){1,3}$/u;
/** Parameters read per template, breadcrumbs and log items per payload: bounded work. */
const MAX_PARAMS = 100;
const MAX_ITEMS = 1_000;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The key name a placeholder's text before it ends in, or `''`. */
function nameBefore(text: string): string {
  const head = text.slice(-80).replace(SEPARATORS, '');
  return NAME_WORDS.exec(head)?.[0].trim() ?? '';
}

/** For each placeholder of `template` that takes a parameter: the template text before it. */
function textsBefore(template: string): string[] {
  const texts: string[] = [];
  let from = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m && texts.length < MAX_PARAMS; m = PLACEHOLDER.exec(template)) {
    if (m[0] === '%%') continue;
    texts.push(template.slice(from, m.index));
    from = m.index + m[0].length;
  }
  return texts;
}

/** The parameters with those named secret by the text before them redacted, and their texts. */
function scrubParams(
  params: readonly unknown[],
  before: (index: number) => string,
  redactor: Redactor,
): { params: unknown[]; secrets: string[] } {
  const secrets: string[] = [];
  const out = params.slice(0, MAX_PARAMS).map((param, index) => {
    const name = nameBefore(before(index));
    if (!name || !redactor.isSecretKey(name)) return param;
    // A `{ type, value }` log attribute: its value is the parameter.
    const attribute = isPlain(param) && 'value' in param && 'type' in param;
    const value = attribute ? param.value : param;
    const safe = (redactor({ [name]: value }) as Plain)[name];
    if (safe === value) return param;
    if (typeof value === 'string' || typeof value === 'number') secrets.push(String(value));
    return attribute ? { ...param, value: safe } : safe;
  });
  return { params: [...out, ...params.slice(MAX_PARAMS)], secrets };
}

/** `text` with every occurrence of each secret replaced. */
const without = (text: unknown, secrets: readonly string[], replacement: string): unknown =>
  // `Sentry.parameterize` gives a String object, which the SDK puts in a synthetic exception's value.
  typeof text === 'string' || text instanceof String
    ? secrets.reduce((out, secret) => (secret ? out.split(secret).join(replacement) : out), String(text))
    : text;

/** A console breadcrumb's arguments: a template with placeholders, or names before values. */
function scrubBreadcrumb(crumb: Plain, redactor: Redactor, replacement: string): Plain {
  const data = crumb.data;
  if (!isPlain(data) || !Array.isArray(data.arguments) || data.arguments.length < 2) return crumb;
  const [first, ...rest] = data.arguments as unknown[];
  const template = typeof first === 'string' ? first : '';
  const texts = textsBefore(template);
  const before = (index: number): string => {
    if (index < texts.length) return texts[index] as string;
    // Past the placeholders, an argument is named by the one before it (`'password:', pw`).
    const previous = index === 0 ? first : rest[index - 1];
    return typeof previous === 'string' ? previous : '';
  };
  const { params, secrets } = scrubParams(rest, before, redactor);
  if (secrets.length === 0 && params.every((param, i) => param === rest[i])) return crumb;
  return {
    ...crumb,
    message: without(crumb.message, secrets, replacement),
    data: { ...data, arguments: [first, ...params] },
  };
}

/** A log item: `sentry.message.template` and its `sentry.message.parameter.N` attributes. */
function scrubLog(log: Plain, redactor: Redactor, replacement: string): Plain {
  const attributes = log.attributes;
  if (!isPlain(attributes)) return log;
  const raw = attributes['sentry.message.template'];
  const template = isPlain(raw) ? raw.value : raw;
  if (typeof template !== 'string') return log;
  const texts = textsBefore(template);
  const names = texts.map((_, index) => `sentry.message.parameter.${index}`);
  const { params, secrets } = scrubParams(
    names.map((name) => attributes[name]),
    (index) => texts[index] as string,
    redactor,
  );
  if (secrets.length === 0) return log;
  const safe: Plain = { ...attributes };
  names.forEach((name, index) => {
    if (name in attributes) safe[name] = params[index];
  });
  return { ...log, body: without(log.body, secrets, replacement), attributes: safe };
}

/** An event's `logentry` (`Sentry.parameterize`) and the message formatted from it. */
function scrubLogentry(event: Plain, redactor: Redactor, replacement: string): Plain {
  const entry = event.logentry;
  if (!isPlain(entry) || typeof entry.message !== 'string' || !Array.isArray(entry.params)) return event;
  const texts = textsBefore(entry.message);
  const { params, secrets } = scrubParams(entry.params, (index) => texts[index] ?? '', redactor);
  if (secrets.length === 0) return event;
  // With `attachStacktrace`, the formatted message is also the synthetic exception's value.
  const exception = event.exception;
  return {
    ...event,
    ...(isPlain(exception) && Array.isArray(exception.values)
      ? {
          exception: eachOf(exception, 'values', (item) => ({
            ...item,
            value: without(item.value, secrets, replacement),
          })),
        }
      : {}),
    message: without(event.message, secrets, replacement),
    logentry: {
      ...entry,
      ...('formatted' in entry ? { formatted: without(entry.formatted, secrets, replacement) } : {}),
      params,
    },
  };
}

/** Applies `scrub` to at most MAX_ITEMS items of an array field of `value`. */
const eachOf = (value: Plain, field: string, scrub: (item: Plain) => Plain): Plain => {
  const items = value[field];
  if (!Array.isArray(items)) return value;
  return {
    ...value,
    [field]: items.map((item: unknown, index) => (index < MAX_ITEMS && isPlain(item) ? scrub(item) : item)),
  };
};

/**
 * A copy of a Sentry payload (an event, a breadcrumb, a log envelope item) with the parameters named
 * by their position redacted; any other value is returned as it is. Never throws: a payload it cannot
 * read is left to the redactor that runs next.
 */
export function scrubPositional(value: unknown, redactor: Redactor, replacement: string): unknown {
  try {
    if (!isPlain(value)) return value;
    let out = scrubLogentry(scrubBreadcrumb(value, redactor, replacement), redactor, replacement);
    out = eachOf(out, 'breadcrumbs', (crumb) => scrubBreadcrumb(crumb, redactor, replacement));
    // A log envelope item's payload is `{ items: [log, …] }`.
    out = eachOf(out, 'items', (log) => scrubLog(log, redactor, replacement));
    return out;
  } catch {
    return value;
  }
}
