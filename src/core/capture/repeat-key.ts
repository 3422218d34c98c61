import { isAppError } from '../errors/app-error';
import { readFacts, type ErrorFacts } from '../errors/error-facts';
import { readProperty } from '../errors/read-property';
import { plainKey, plainPart } from './plain-key';

/**
 * Frames in the key: the one the fingerprint reads. More would tell callers of one throw site apart,
 * but they share a record anyway, and callers taking turns would each replace its error and never
 * meet the repeat path.
 */
const TOP_FRAMES = 1;
/** Longer messages are cut by `normalizeError`, so two that differ past the cut could share a key. */
const MAX_MESSAGE = 1000;
/** As `normalizeError` keeps it. */
const MAX_STACK = 10_000;
const OTHER_FRAME = /.*@\S*:\d/;
/** An AppError's own fields (a subclass's too) are keyed only while short: long ones take the full path. */
const MAX_FIELDS_KEY = 2000;
/** Own fields read of an AppError: AppError has 12, a subclass a few more. */
const MAX_OWN_FIELDS = 40;

/** Prototypes seen, numbered: the stored copy of an AppError keeps its class, so the key does too. A memo, not app state. */
const prototypes = /* @__PURE__ */ new WeakMap<object, number>();
let nextPrototype = 0;
const prototypeId = (value: object): number => {
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null) return -1;
  let id = prototypes.get(prototype);
  if (id === undefined) prototypes.set(prototype, (id = nextPrototype++));
  return id;
};

/**
 * The stack up to its top frame: the head (where a custom stack could hold the line the fingerprint
 * reads as its top frame) and V8's first `    at` lines, or Firefox/Safari's `fn@url:line:col` ones.
 * Found with `indexOf`, not a regex over the whole stack: this runs on every capture.
 */
const topFrames = (stack: string): string => {
  let end = stack.indexOf('\n    at ');
  if (end < 0) end = OTHER_FRAME.exec(stack)?.index ?? -1;
  for (let i = 0; i < TOP_FRAMES && end >= 0; i++) end = stack.indexOf('\n', end + 1);
  return end < 0 ? stack : stack.slice(0, end);
};

/**
 * A repeat key: the facts it was read from (the classification predicates are asked again with them), the
 * stack up to its top frame, and an AppError's own fields. Compared part by part with {@link sameRepeat},
 * not joined into one string: hashing a fresh string of them was a quarter of a repeated capture (issue 11).
 */
export interface RepeatKey {
  facts: ErrorFacts;
  /** The stack's head and top frame (`''` without a stack). */
  frames: string;
  /** An AppError's class and own fields (`''` for other values). */
  fields: string;
}

/** True when two repeat keys stand for the same stored error: same name, code, status, kind, message, frames and fields. */
export const sameRepeat = (a: RepeatKey, b: RepeatKey): boolean =>
  a.facts.message === b.facts.message &&
  a.frames === b.frames &&
  a.facts.name === b.facts.name &&
  a.facts.code === b.facts.code &&
  a.facts.status === b.facts.status &&
  a.facts.kind === b.facts.kind &&
  a.fields === b.fields;

/**
 * The key of `capture`'s repeat path: name, code, status, kind, message and the top stack frames of a
 * thrown error, read without formatting, normalising or redacting anything. Two values with one key
 * are stored as the same AppError fields, provided the predicate rules answer as before (the caller
 * asks them again), so a recurrence can skip normalising, classifying and redacting (issue 11).
 *
 * A thrown `AppError` is keyed by its class, its message, top frames and every own field (`context`
 * included) while they are strings, numbers, booleans or `undefined` (and `actions` a list of strings):
 * those are what its stored, redacted copy is made of. Its `cause` only matters to the app's `rules`
 * (`appRules`), so with rules, an AppError with a cause takes the full path.
 *
 * `undefined` (no repeat path) for what a key cannot stand for: primitives; an AppError with field
 * errors, object-valued fields or more than 2,000 characters of them; Responses (each has its own
 * `Retry-After`); another error's `cause` (rules test the cause chain too); field errors (a form shows
 * the latest); a value with neither name nor message (its text comes from all of its fields); a
 * message past 1,000 characters.
 *
 * The message is exact, not cleaned as the fingerprint cleans it: "Order 123" and "Order 456" share a
 * fingerprint, but each is stored with its own message, as a full capture would.
 */
export function repeatKey(value: unknown, appRules = false): RepeatKey | undefined {
  try {
    return readRepeatKey(value, appRules);
  } catch {
    // `instanceof` throws on a revoked Proxy: no repeat path, the full pipeline copes (issue 9).
    return undefined;
  }
}

/** The key part of an AppError's own fields, or `undefined` when one of them cannot be keyed. */
function appErrorFields(error: object): string | undefined {
  const fields = Object.keys(error);
  if (fields.length > MAX_OWN_FIELDS) return undefined;
  let key = `${prototypeId(error)}`;
  for (const field of fields) {
    const value = readProperty(error, field);
    let part: string | undefined;
    if (field === 'context' && typeof value === 'object' && value !== null)
      part = plainKey(value as Record<string, unknown>, MAX_FIELDS_KEY);
    else if (field === 'actions' && Array.isArray(value))
      part = value.every((id) => typeof id === 'string')
        ? plainKey(value as unknown as Record<string, unknown>, MAX_FIELDS_KEY)
        : undefined;
    else if (field === 'fieldErrors') part = value === undefined ? '' : undefined;
    else part = plainPart(field, value);
    if (part === undefined) return undefined;
    key += `\u0001${field}\u0002${part}`;
    if (key.length > MAX_FIELDS_KEY) return undefined;
  }
  return key;
}

function readRepeatKey(value: unknown, appRules: boolean): RepeatKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  let fields = '';
  if (readProperty(value, 'isAppError') === true) {
    const keyed = isAppError(value) ? appErrorFields(value) : undefined;
    if (keyed === undefined || (appRules && readProperty(value, 'cause') !== undefined)) return undefined;
    fields = keyed;
  } else if (readProperty(value, 'cause') !== undefined) return undefined;
  if (!(value instanceof Error) && typeof Response !== 'undefined' && value instanceof Response)
    return undefined;
  const facts = readFacts(value);
  const { name = '', message = '', fieldErrors } = facts;
  if (fieldErrors || !(name || message) || message.length > MAX_MESSAGE) return undefined;
  const stack = readProperty(value, 'stack');
  // Past the cut, the fingerprint's top frame is not the stack's first one.
  if (typeof stack === 'string' && stack.length > MAX_STACK) return undefined;
  const frames = typeof stack === 'string' ? topFrames(stack) : '';
  return { facts, frames, fields };
}
