/**
 * The properties read during the current `readOnce` (a capture): thrown value → key → value. Set only
 * while a synchronous `readOnce` runs, so nothing outlives one capture and two instances never share it:
 * a Map, not a WeakMap, for that reason (a WeakMap's inserts cost more, issue 11).
 */
let reads: Map<object, Map<string, unknown>> | undefined;
/** The object whose reads were memoised last, and its memo (both cleared with `reads`). */
let lastObject: object | undefined;
let lastKnown: Map<string, unknown> | undefined;
/** A read that gave `undefined`, as kept in a memo. */
const UNDEFINED = Symbol('undefined');

/**
 * Reads `value[key]` without ever throwing: a throwing getter or Proxy trap reads as `undefined`.
 * Inside {@link readOnce}, each property of an object is read once: a slow getter (`status` read by
 * the facts, the classifier and the repeat key) runs once per capture (break-it pass 2, H3).
 */
export function readProperty(value: unknown, key: string): unknown {
  if (!reads || typeof value !== 'object' || value === null) return readRaw(value, key);
  // The object read last, kept beside the memo: a capture reads a dozen fields of one value in a row.
  let known = value === lastObject ? lastKnown : reads.get(value);
  if (known) {
    const hit = known.get(key);
    // One lookup: an `undefined` read is kept as UNDEFINED (most fields of a plain Error are absent, issue 11).
    if (hit !== undefined) return hit === UNDEFINED ? undefined : hit;
  } else reads.set(value, (known = new Map<string, unknown>()));
  lastObject = value;
  lastKnown = known;
  const read = readRaw(value, key);
  known.set(key, read === undefined ? UNDEFINED : read);
  return read;
}

/**
 * `value[key]`, a throw read as `undefined`, never remembered: for a reader that reads each property
 * once anyway (the fingerprint), where remembering would only cost a memo per object.
 */
export function readRaw(value: unknown, key: string): unknown {
  try {
    // A primitive reads its wrapper's property, as `value[key]` would (`undefined` for these keys).
    return (value as Record<string, unknown> | null | undefined)?.[key];
  } catch {
    return undefined;
  }
}

/**
 * Runs `run` with every {@link readProperty} of an object remembered until it returns: one capture
 * reads each property of the thrown value (and its causes) once. Nested calls share the outer one.
 */
export function readOnce<T>(run: () => T): T {
  if (reads) return run();
  reads = new Map();
  try {
    return run();
  } finally {
    reads = lastObject = lastKnown = undefined;
  }
}

/** Where `listKeys` keeps a listing among an object's reads: no property has this name. */
const KEYS = '\u0000keys';

/**
 * What `read` gives, kept under `name` among `value`'s reads for the current {@link readOnce} (the
 * facts of a thrown value, read by the normaliser and the classifier alike). Outside one, `read()`.
 */
export function remembered<T>(value: unknown, name: string, read: () => T): T {
  if (!reads || typeof value !== 'object' || value === null) return read();
  let memo = reads.get(value);
  if (memo?.has(name)) return memo.get(name) as T;
  const result = read();
  if (!memo) reads.set(value, (memo = new Map<string, unknown>()));
  memo.set(name, result);
  return result;
}

/**
 * The own enumerable string keys of `value` (`[]` when they cannot be listed), listed once per
 * {@link readOnce}: a wide object thrown with 100,000 fields is listed by the engine once per capture,
 * not once by the field-error reader and again by the message's summary (break-it pass 2, H2).
 */
export const listKeys = (value: object): readonly string[] =>
  remembered(value, KEYS, () => {
    try {
      return Object.keys(value);
    } catch {
      return []; // a Proxy whose trap throws has no readable keys
    }
  });

/** The keys `listKeys` already listed for `value` in this `readOnce`, if it did: never lists them. */
export const listedKeys = (value: object): readonly string[] | undefined =>
  reads?.get(value)?.get(KEYS) as readonly string[] | undefined;
