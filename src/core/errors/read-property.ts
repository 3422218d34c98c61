/**
 * One object's reads in the current `readOnce`: `key, value, key, value, …` while it has at most
 * MAX_LISTED of them, a Map past that. A capture reads about a dozen fields of the thrown value: a flat
 * list costs a fraction of a Map to make and grow (issue 11, tenth session), and a wide object read
 * field by field (100,000 of them) is still looked up in constant time.
 */
type Memo = unknown[] | Map<string, unknown>;
const MAX_LISTED = 16;
/** What `memoGet` gives for a key not read yet. */
const MISSING = Symbol('missing');

const memoGet = (memo: Memo, key: string): unknown => {
  if (!Array.isArray(memo)) return memo.has(key) ? memo.get(key) : MISSING;
  for (let i = 0; i < memo.length; i += 2) if (memo[i] === key) return memo[i + 1];
  return MISSING;
};

/**
 * The reads of the current `readOnce` (a capture): the object read last and its memo, and a Map of every
 * object's memo, made once a second object is read. Set only while a synchronous `readOnce` runs, so
 * nothing outlives one capture and two instances never share it: a Map, not a WeakMap, for that reason
 * (a WeakMap's inserts cost more, issue 11).
 */
let reading = false;
let reads: Map<object, Memo> | undefined;
let lastObject: object | undefined;
let lastMemo: Memo | undefined;

/** `value`'s memo in the current `readOnce`, made when `create` (and then `value` is the object read last). */
function memoOf(value: object, create: true): Memo;
function memoOf(value: object, create: false): Memo | undefined;
function memoOf(value: object, create: boolean): Memo | undefined {
  if (value === lastObject) return lastMemo;
  let memo = reads?.get(value);
  if (!memo && !create) return undefined;
  if (lastObject !== undefined && lastMemo !== undefined) {
    // A second object: from now on every memo is kept in the Map, the last one's too.
    reads ??= new Map([[lastObject, lastMemo]]);
  }
  if (!memo) {
    memo = [];
    reads?.set(value, memo);
  }
  lastObject = value;
  lastMemo = memo;
  return memo;
}

/** Keeps `key`'s read in `memo`, `value`'s (as `memoOf(value, true)` just gave it). */
function memoSet(value: object, memo: Memo, key: string, read: unknown): void {
  if (!Array.isArray(memo)) {
    memo.set(key, read);
    return;
  }
  // A getter that read its own key through a nested capture put it here already: the later read wins, as a Map's set (findings-11e E4).
  for (let i = 0; i < memo.length; i += 2)
    if (memo[i] === key) {
      memo[i + 1] = read;
      return;
    }
  if (memo.length < 2 * MAX_LISTED) {
    memo.push(key, read);
    return;
  }
  const map = new Map<string, unknown>();
  for (let i = 0; i < memo.length; i += 2) map.set(memo[i] as string, memo[i + 1]);
  map.set(key, read);
  lastMemo = map;
  reads?.set(value, map);
}

/**
 * Reads `value[key]` without ever throwing: a throwing getter or Proxy trap reads as `undefined`.
 * Inside {@link readOnce}, each property of an object is read once: a slow getter (`status` read by
 * the facts, the classifier and the repeat key) runs once per capture (break-it pass 2, H3).
 */
export function readProperty(value: unknown, key: string): unknown {
  if (!reading || typeof value !== 'object' || value === null) return readRaw(value, key);
  const hit = memoGet(memoOf(value, true), key);
  if (hit !== MISSING) return hit;
  const read = readRaw(value, key);
  // A getter may have read other objects (or this one) through a nested capture: the memo is looked up again.
  memoSet(value, memoOf(value, true), key, read);
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
 * Runs `run(a, b, c)` with every {@link readProperty} of an object remembered until it returns: one
 * capture reads each property of the thrown value (and its causes) once. Nested calls share the outer
 * one. The arguments are passed through so that a caller needs no closure per call: V8 keeps a closure's
 * optimized code only while a closure of it lives, so one made per capture ran unoptimized again after
 * every major GC (issue 11).
 */
export function readOnce<T>(run: () => T): T;
export function readOnce<T, A>(run: (a: A) => T, a: A): T;
export function readOnce<T, A, B>(run: (a: A, b: B) => T, a: A, b: B): T;
export function readOnce<T, A, B, C>(run: (a: A, b: B, c: C) => T, a: A, b: B, c: C): T;
export function readOnce<T, A, B, C>(run: (a?: A, b?: B, c?: C) => T, a?: A, b?: B, c?: C): T {
  if (reading) return run(a, b, c);
  reading = true;
  try {
    return run(a, b, c);
  } finally {
    reading = false;
    reads = lastObject = lastMemo = undefined;
  }
}

/** Where `listKeys` keeps a listing among an object's reads: no property has this name. */
const KEYS = '\u0000keys';

/**
 * What `read` gives, kept under `name` among `value`'s reads for the current {@link readOnce} (the
 * facts of a thrown value, read by the normaliser and the classifier alike). Outside one, `read()`.
 */
export function remembered<T>(value: unknown, name: string, read: () => T): T {
  if (!reading || typeof value !== 'object' || value === null) return read();
  const known = memoGet(memoOf(value, true), name);
  if (known !== MISSING) return known as T;
  const result = read();
  // `read` may have read other objects: the memo is looked up again.
  memoSet(value, memoOf(value, true), name, result);
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
export const listedKeys = (value: object): readonly string[] | undefined => {
  if (!reading) return undefined;
  const memo = memoOf(value, false);
  const listed = memo && memoGet(memo, KEYS);
  return listed === MISSING ? undefined : (listed as readonly string[] | undefined);
};
