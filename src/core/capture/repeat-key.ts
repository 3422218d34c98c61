import { readFacts, type ErrorFacts } from '../errors/error-facts';
import { readProperty } from '../errors/read-property';

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

/** A repeat key and the facts it was read from (the classification predicates are asked again with them). */
export interface RepeatKey {
  key: string;
  facts: ErrorFacts;
}

/**
 * The key of `capture`'s repeat path: name, code, status, kind, message and the top stack frames of a
 * thrown error, read without formatting anything new. Two values with one key normalise to the same
 * AppError fields, provided the predicate rules answer as before (the caller asks them again), so a
 * recurrence can skip normalising, classifying and redacting (issue 11).
 *
 * `undefined` (no repeat path) for what a key cannot stand for: primitives; AppErrors (recorded as they
 * are, with their own fields); Responses (each has its own `Retry-After`); a `cause` (rules test the
 * cause chain too); field errors (a form shows the latest); a value with neither name nor message (its
 * text comes from all of its fields); a message past 1,000 characters.
 *
 * The message is exact, not cleaned as the fingerprint cleans it: "Order 123" and "Order 456" share a
 * fingerprint, but each is stored with its own message, as a full capture would.
 */
export function repeatKey(value: unknown): RepeatKey | undefined {
  try {
    return readRepeatKey(value);
  } catch {
    // `instanceof` throws on a revoked Proxy: no repeat path, the full pipeline copes (issue 9).
    return undefined;
  }
}

function readRepeatKey(value: unknown): RepeatKey | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (readProperty(value, 'isAppError') === true || readProperty(value, 'cause') !== undefined)
    return undefined;
  if (!(value instanceof Error) && typeof Response !== 'undefined' && value instanceof Response)
    return undefined;
  const facts = readFacts(value);
  const { name = '', message = '', fieldErrors } = facts;
  if (fieldErrors || !(name || message) || message.length > MAX_MESSAGE) return undefined;
  const stack = readProperty(value, 'stack');
  // Past the cut, the fingerprint's top frame is not the stack's first one.
  if (typeof stack === 'string' && stack.length > MAX_STACK) return undefined;
  const frames = typeof stack === 'string' ? topFrames(stack) : '';
  return { key: [name, facts.code, facts.status, facts.kind, message, frames].join('\u0000'), facts };
}
