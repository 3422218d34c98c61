import { oversizedNumber } from './oversized-number';
import { clip, OVERLAP } from './redaction/clip';
import { listItemNames } from './redaction/header-list';
import { siblingName } from './redaction/sibling-name';
import { listedKeys, readProperty } from './read-property';
import { stackText } from './stack-text';
import type { JsonValue } from './types';

/** Limits for {@link toJsonSafe}. */
export interface JsonSafeLimits {
  /** @default 6 */
  maxDepth?: number;
  /**
   * Longer strings (and keys) are cut and marked with `…`, after `mapString` has seen them whole; a
   * BigInt with more digits is described (`"[BigInt ~253530 digits]"`). @default 2000
   */
  maxStringLength?: number;
  /** Entries kept per object, array, Map or Set; the rest are counted, never read. @default 50 */
  maxEntries?: number;
  /** Values copied in all; the rest become `"[…]"`. Bounds a wide and deep tree. @default 500 */
  maxNodes?: number;
  /**
   * Milliseconds the value's own code (getters, Proxy traps, `toJSON`, a Map key's `toString`) may
   * take in one copy; once spent, what is left becomes `"[…]"`. A single call cannot be interrupted,
   * so the bound is this plus the slowest one call. Generous on purpose: it counts V8 formatting a
   * stack on its first read too, and a thread descheduled inside a getter. @default 100
   */
  maxTimeMs?: number;
  /**
   * Characters of strings and keys the hooks may see in one copy, in all (each counts up to
   * `maxStringLength` + 256); once spent, later strings and keys become `"[…]"` whole, never in part.
   * Bounds a copy of many long strings (an event of 100 long breadcrumbs). @default Infinity
   */
  maxCharacters?: number;
}

/** Limits plus hooks; the redactor is built on these. */
export interface JsonSafeOptions extends JsonSafeLimits {
  /**
   * Maps every string value and key, before it is cut to `maxStringLength` (it sees up to 256
   * characters more). `key` is where the value is stored: its name after its parent's (`card.number`;
   * an array's items share the array's), `''` at the root; a key is mapped with its object's `key`.
   * `secret` is true at and under an entry that `isSecret` named; for a key under it, only when the key
   * is not a plain name (letters, `_`, `-`, `$`: `expiresAt` is kept, `f3a9c1d2` may be a session id).
   * @default identity
   */
  mapString?: (value: string, key: string, secret: boolean) => string;
  /** Maps every finite number and bigint (`key` and `secret` as for `mapString`). @default the number (a bigint as `"123n"`) */
  mapNumber?: (value: number | bigint, key: string, secret: boolean) => JsonValue;
  /** Called for every object property; return the value to keep walking it, or a replacement. @default identity */
  mapEntry?: (key: string, value: unknown) => unknown;
  /**
   * Whether the entry `name` (stored at `path`, e.g. `card.number`) is secret: its strings and numbers
   * then reach the hooks with `secret` true. `inherited` says whether its parent is; the answer is
   * passed down, so a parent's secrecy holds under it unless this says otherwise (a harmless
   * `expiresAt` under `token`). @default the parent's (`inherited`)
   */
  isSecret?: (name: string, path: string, inherited: boolean) => boolean;
}

/** Collections copied as their entries: a Map, `Headers`, `URLSearchParams` or `FormData` becomes an object. */
const ENTRIES = /^(Map|Headers|URLSearchParams|FormData)$/;
/** An Error's name, message, stack, cause (and an AggregateError's errors) are usually not enumerable. */
const ERROR_KEYS = ['name', 'message', 'stack', 'code', 'cause', 'errors'];
/** Primitive wrappers, unwrapped by their own `valueOf` (which throws for anything else, a forged tag too). */
const WRAPPERS: Record<string, (value: object) => unknown> = {
  String: (value) => String.prototype.valueOf.call(value),
  Number: (value) => Number.prototype.valueOf.call(value),
  Boolean: (value) => Boolean.prototype.valueOf.call(value),
  BigInt: (value) => BigInt.prototype.valueOf.call(value),
  Symbol: (value) => Symbol.prototype.valueOf.call(value),
};
const BUFFERS = /^(Shared)?ArrayBuffer$/;
/** A key that names a field rather than holding data: letters, `_`, `-`, `$`, at most 40. */
const PLAIN_NAME = /^[A-Za-z_$][A-Za-z_$-]{0,39}$/;

/**
 * An Error from any realm (an iframe, a worker, `node:vm`) or any copy of a library: recognised by
 * its internal tag or by its shape, never by `instanceof`.
 */
export function isErrorLike(value: unknown): boolean {
  try {
    const tag = Object.prototype.toString.call(value);
    return (
      tag === '[object Error]' ||
      tag === '[object DOMException]' ||
      (typeof readProperty(value, 'message') === 'string' && typeof readProperty(value, 'stack') === 'string')
    );
  } catch {
    return false;
  }
}

const fnName = (name: unknown): string => (typeof name === 'string' && name ? name : 'anonymous');

/** The first `max` items of an iterator (plus whether there were more): never walks the rest. */
const take = <T>(iterator: Iterator<T>, max: number): [T[], boolean] => {
  const items: T[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    if (items.length === max) return [items, true];
    items.push(next.value);
  }
  return [items, false];
};

/** A Map key as a JSON key: a primitive as text; an object by its tag, without calling its code (issue 9). */
const keyText = (key: unknown): string => {
  if (key === null) return 'null';
  if (typeof key === 'object' || typeof key === 'function') return Object.prototype.toString.call(key);
  return typeof key === 'symbol'
    ? key.toString()
    : `${key as string | number | boolean | bigint | undefined}`;
};

/** The `name` (or `Name`, `key`, `Key`) of a `{ name, value }` entry, when it is a string. */
const pairName = (obj: object): string | undefined => {
  for (const key of ['name', 'Name', 'key', 'Key']) {
    const name = readProperty(obj, key);
    if (typeof name === 'string') return name;
  }
  return undefined;
};

const clock = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Keys counted past the ones kept, for the `[+N more]` mark; past this the mark says `N+`. */
const COUNTED = 1000;

/**
 * The first `max` own enumerable string keys of `obj`, and how many more there are (`'1001+'` past
 * COUNTED), reading no more once `budgetMs` is spent reading them. A `for…in` loop stopped early,
 * not `Object.keys`: on a Proxy, `Object.keys` runs the `getOwnPropertyDescriptor` trap for every
 * key (200,000 calls for a 200,000-key Proxy, however slow each is), `for…in` only for the keys read.
 * Own keys come first, so the loop stops at the first inherited one. What no JavaScript can avoid is
 * the engine's own listing before the first key (V8 collects and sorts every key of a large object:
 * about 1.5 ms for 10,000 keys, 50 ms for 100,000, 700 ms for a million; bench/redaction.bench.ts),
 * so the budget starts at the first key.
 */
function ownKeys(obj: object, max: number, budgetMs: number): [string[], number | string, number] {
  // Listed already in this capture (the field-error reader): not listed again (break-it pass 2, H2).
  const listed = listedKeys(obj);
  if (listed) return [listed.slice(0, max), Math.max(0, listed.length - max), 0];
  const keys: string[] = [];
  let more = 0;
  const start = clock();
  let first: number | undefined;
  try {
    for (const key in obj) {
      first ??= clock();
      if (!Object.prototype.hasOwnProperty.call(obj, key)) break;
      // This key is not kept: there is at least one more than counted.
      if (more === COUNTED || clock() - first > budgetMs)
        return [keys, `${more + 1}+`, listing(start, first)];
      if (keys.length < max) keys.push(key);
      else more++;
    }
  } catch {
    // A prototype whose trap throws: its own keys are still readable, as `Object.keys` reads them.
    const own = Object.keys(obj);
    return [own.slice(0, max), Math.max(0, own.length - max), listing(start, first)];
  }
  return [keys, more, listing(start, first)];
}

/** The engine's listing, from `start` to the first key (`first`): not the value's own code (break-it pass 2, H2). */
const listing = (start: number, first: number | undefined): number => (first ?? clock()) - start;

/**
 * Copies any value into plain JSON: cycles become `"[Circular]"`, functions and symbols are
 * described, getters and Proxy traps that throw become `"[Unreadable]"`, and work is bounded by
 * construction whatever the input's size: depth (6), entries per collection (50), values in all (500), characters per string and per number's decimal text (2,000) and time spent in the value's own
 * code (100 ms). A Map of a million entries costs as much as one of 50. Errors from any realm keep
 * name, message, stack, code, cause, AggregateError's `errors` and own fields; Maps, Sets and
 * `Headers` become objects and arrays; a `toJSON` method (Date, URL) is used; `new String(…)` and the
 * other primitive wrappers are unwrapped; typed arrays, `ArrayBuffer` and `DataView` are described
 * (`"[Uint8Array 16 bytes]"`), never copied byte by byte. One cost stays the engine's: listing the
 * keys of an object (JavaScript cannot list the first 50 of two million without the engine
 * collecting all of them first, and a Proxy's `ownKeys` trap returns them all); a Proxy's other
 * traps run for the keys read only. Never throws.
 */
export function toJsonSafe(value: unknown, options: JsonSafeOptions = {}): JsonValue {
  // Taken before the options are read: a getter among them may copy something too (findings-11f F1).
  const copy = spare ?? new JsonSafeCopy();
  spare = undefined;
  try {
    return copy.start(options).walk(value, 0, '', false);
  } finally {
    copy.finish();
    spare = copy;
  }
}

/**
 * The copy the last call finished with, used by the next (a nested call, from a getter or a hook, makes
 * its own). A copy made per call and dropped let a major GC free the class's hidden class, and V8 then
 * discarded the optimized walk built on it ("weak objects" in --trace-deopt), after every full GC, as the
 * redactor's `MatchContext` did (issue 11).
 */
let spare: JsonSafeCopy | undefined;

// The value's own code that a copy runs (see `JsonSafeCopy.foreign`): functions, not closures made per
// call. V8 keeps a closure's optimized code only while a closure of it lives, so callbacks made per copy
// were compiled again after every major GC, and a reporter redacts a record per capture (issue 11).
const readKey = (obj: Record<string | number, unknown>, key: string | number): unknown => obj[key];
const callToJson = (toJSON: () => unknown, obj: object): unknown => toJSON.call(obj);
const entriesOf = (obj: Record<string, unknown>): Iterator<[unknown, unknown]> =>
  (obj.entries as () => Iterator<[unknown, unknown]>).call(obj);
const more = (count: number | string): string => `[+${count} more]`;
/** An option's value, or its default when it is `undefined` (as a destructuring default: `null` stays). */
const orDefault = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
const identity = (text: string): string => text;
const numberAsIs = (n: number | bigint): JsonValue => (typeof n === 'bigint' ? `${n}n` : n);
const entryAsIs = (_key: string, item: unknown): unknown => item;
const inheritedSecret = (_name: string, _path: string, inherited: boolean): boolean => inherited;
/** Every option at its default. */
const NO_OPTIONS: JsonSafeOptions = {};
/** `mapString` for `clip`, with the key and secrecy of the string being copied (see `JsonSafeCopy.text`). */
const mapWindow = (window: string, copy: JsonSafeCopy): string => {
  const { mapString } = copy;
  return mapString(window, copy.textKey, copy.textSecret);
};

/** One `toJsonSafe` call: its limits, hooks and counts; its methods are long-lived functions, not closures made per copy. */
class JsonSafeCopy {
  // Set by `start`, which the constructor calls: the defaults are written there only.
  maxDepth!: number;
  maxStringLength!: number;
  maxEntries!: number;
  maxNodes!: number;
  maxTimeMs!: number;
  maxCharacters!: number;
  mapString!: (value: string, key: string, secret: boolean) => string;
  mapNumber!: (value: number | bigint, key: string, secret: boolean) => JsonValue;
  mapEntry!: (key: string, value: unknown) => unknown;
  isSecret!: (name: string, path: string, inherited: boolean) => boolean;
  readonly seen = new Set<object>();
  nodes = 0;
  // Time spent in the value's own code only: our own work is bounded by the counts above, and a
  // budget on the whole walk would cut a small value whenever the thread is descheduled.
  spent = 0;
  characters = 0;
  /** The key and secrecy of the string `text` is mapping now, for `mapWindow`. */
  textKey = '';
  textSecret = false;

  constructor() {
    this.start(NO_OPTIONS);
  }

  /** Readies this copy for one call with `options` (each read once, `undefined` for the default). */
  start(options: JsonSafeOptions): this {
    this.maxDepth = orDefault(options.maxDepth, 6);
    this.maxStringLength = orDefault(options.maxStringLength, 2000);
    this.maxEntries = orDefault(options.maxEntries, 50);
    this.maxNodes = orDefault(options.maxNodes, 500);
    this.maxTimeMs = orDefault(options.maxTimeMs, 100);
    this.maxCharacters = orDefault(options.maxCharacters, Infinity);
    this.mapString = orDefault(options.mapString, identity);
    this.mapNumber = orDefault(options.mapNumber, numberAsIs);
    this.mapEntry = orDefault(options.mapEntry, entryAsIs);
    this.isSecret = orDefault(options.isSecret, inheritedSecret);
    this.nodes = this.spent = this.characters = 0;
    return this;
  }

  /** Lets go of the call's hooks and values, so a spare copy keeps nothing of the caller alive. */
  finish(): void {
    this.start(NO_OPTIONS);
    this.seen.clear();
    this.textKey = '';
  }

  text(item: string, key: string, secret: boolean): string {
    if (this.characters >= this.maxCharacters) return '[…]';
    this.characters += Math.min(item.length, this.maxStringLength + OVERLAP);
    this.textKey = key;
    this.textSecret = secret;
    return clip(item, this.maxStringLength, mapWindow, false, this);
  }

  /** Runs the value's own code (a getter, a trap, `toJSON`), `run(a, b, c)`, counting its time. */
  foreign<T, A, B, C>(run: (a: A, b: B, c: C) => T, a: A, b: B, c: C): T;
  foreign<T, A, B>(run: (a: A, b: B) => T, a: A, b: B): T;
  foreign<T, A>(run: (a: A) => T, a: A): T;
  foreign<T, A, B, C>(run: (a?: A, b?: B, c?: C) => T, a?: A, b?: B, c?: C): T {
    const start = clock();
    try {
      return run(a, b, c);
    } finally {
      this.spent += clock() - start;
    }
  }

  /** Where a child entry `name` of the entry at `key` is stored: its name after its parent's (`card.number`). */
  child(key: string, name: string): string {
    return key ? `${key.slice(key.lastIndexOf('.') + 1)}.${name}` : name;
  }

  walk(item: unknown, depth: number, key: string, secret: boolean): JsonValue {
    if (++this.nodes > this.maxNodes) return '[…]';
    if (item == null) return null;
    switch (typeof item) {
      case 'boolean':
        return item;
      case 'number':
      case 'bigint': {
        if (typeof item === 'number' && !Number.isFinite(item)) return String(item);
        // The string bound holds for a number's decimal text too: a 250,000-digit BigInt is described (issue 9, H4).
        const oversized = oversizedNumber(item, this.maxStringLength);
        // Hooks are called as plain functions, never as methods of this copy (findings-11f F4).
        const { mapNumber } = this;
        return oversized === undefined ? mapNumber(item, key, secret) : this.text(oversized, key, secret);
      }
      case 'function':
        return this.text(`[Function ${fnName(readProperty(item, 'name'))}]`, key, secret);
      case 'string':
        return this.text(item, key, secret);
      case 'symbol':
        return this.text(item.toString(), key, secret);
    }
    const obj = item as Record<string, unknown>;
    if (this.seen.has(obj)) return '[Circular]';
    if (depth >= this.maxDepth) return '[Object]';
    if (this.spent > this.maxTimeMs) return '[…]';
    this.seen.add(obj);
    try {
      return this.object(obj, depth, key, secret);
    } catch {
      return '[Unreadable]';
    } finally {
      this.seen.delete(obj);
    }
  }

  /** `walk` of an object not seen on the way down to it. */
  object(obj: Record<string, unknown>, depth: number, key: string, secret: boolean): JsonValue {
    const tag = Object.prototype.toString.call(obj).slice(8, -1);
    const unwrap = WRAPPERS[tag];
    if (unwrap) {
      try {
        // A 5 MB `new String(…)` is one string, not five million keys (issue 9).
        return this.walk(unwrap(obj), depth, key, secret);
      } catch {
        // A forged tag: walked as the object it is.
      }
    }
    if (ArrayBuffer.isView(obj) || BUFFERS.test(tag)) {
      const bytes = readProperty(obj, 'byteLength');
      return `[${tag} ${typeof bytes === 'number' ? bytes : '?'} bytes]`;
    }
    const isError = this.foreign(isErrorLike, obj);
    const toJSON = this.foreign(readKey, obj, 'toJSON');
    if (!isError && typeof toJSON === 'function')
      return this.walk(this.foreign(callToJson, toJSON as () => unknown, obj), depth + 1, key, secret);
    if (tag === 'Set' || Array.isArray(obj)) return this.list(obj, tag, depth, key, secret);
    const isMap = ENTRIES.test(tag);
    let entries: [unknown, unknown][];
    let rest: number | string = 0;
    if (isMap) {
      const iterator = this.foreign(entriesOf, obj);
      const [items, cut] = this.foreign(take, iterator, this.maxEntries);
      entries = items;
      if (cut) rest = typeof obj.size === 'number' ? obj.size - this.maxEntries : 'some';
    } else {
      const [own, uncounted, listed] = this.foreign(
        ownKeys,
        obj,
        this.maxEntries,
        this.maxTimeMs - this.spent,
      );
      this.spent -= listed;
      const keys = isError ? [...new Set([...ERROR_KEYS, ...own])] : own;
      entries = [];
      // `slice` as before: an odd limit (2.5, -1) keeps what it kept.
      for (const kept of keys.slice(0, this.maxEntries)) entries.push([kept, undefined]);
      const dropped = keys.length - entries.length;
      rest = typeof uncounted === 'string' ? `${dropped + parseInt(uncounted, 10)}+` : dropped + uncounted;
    }
    const out: { [key: string]: JsonValue } = {};
    for (const [rawKey, mapped] of entries) {
      let safeKey = '[Unreadable]';
      try {
        const name = keyText(rawKey);
        // Under a secret name a key is kept when it is a plain name (`expiresAt`), not when it may be the secret itself.
        safeKey = this.text(name, key, secret && !PLAIN_NAME.test(name));
        while (Object.hasOwn(out, safeKey)) safeKey += '#';
        if (this.spent > this.maxTimeMs) {
          out[safeKey] = '[…]';
          continue;
        }
        // `{ name, value }` (HAR headers, AWS SDK variables): the value is named by its sibling (L12).
        // A card object's `number`, an OAuth redirect's `code`: named by their siblings (L1).
        const sibling =
          isMap || isError
            ? undefined
            : /^value$/i.test(name)
              ? pairName(obj)
              : this.foreign(siblingName, obj, name);
        const named = sibling ?? name;
        const path = this.child(key, named);
        const read = isMap ? mapped : this.foreign(readKey, obj, name);
        const { mapEntry, isSecret } = this;
        const entry = mapEntry(name, isError && name === 'stack' ? stackText(read) : read);
        if (entry !== undefined)
          out[safeKey] = this.walk(entry, depth + 1, path, isSecret(named, path, secret));
      } catch {
        // One unreadable entry (a throwing getter) costs only itself (issue 9).
        while (Object.hasOwn(out, safeKey)) safeKey += '#';
        out[safeKey] = '[Unreadable]';
      }
    }
    if (rest) out['…'] = more(rest);
    return out;
  }

  /** `walk` of an array or a Set (`tag`). */
  list(obj: Record<string, unknown>, tag: string, depth: number, key: string, secret: boolean): JsonValue {
    const length = tag === 'Set' ? 0 : (this.foreign(readKey, obj, 'length') as number);
    let items: unknown[];
    let cut = false;
    if (tag === 'Set') [items, cut] = take(Set.prototype.values.call(obj), this.maxEntries);
    else {
      // Made by `Array.from({ length })`, as before: a Proxy's `length` may be 2.5, -1, NaN or 2^32, and
      // the last throws a RangeError here (an unreadable value) rather than read items without end (findings-11f F2).
      items = Array.from({ length: Math.min(length, this.maxEntries) });
      for (let i = 0; i < items.length; i++) items[i] = this.foreign(readKey, obj, i);
    }
    // An item named by the one before it (`[name, value]` pairs, flat `rawHeaders`, `--password`
    // then its value) is walked as a key's value would be (break-it pass 2, L12).
    const names = tag === 'Set' ? [] : listItemNames(key, items, length);
    const { isSecret } = this;
    const out: JsonValue[] = [];
    for (let i = 0; i < items.length; i++) {
      const name = names[i];
      out.push(
        name === undefined
          ? this.walk(items[i], depth + 1, key, secret)
          : this.walk(
              items[i],
              depth + 1,
              this.child(key, name),
              isSecret(name, this.child(key, name), secret),
            ),
      );
    }
    if (cut) out.push(more((obj.size as number) - this.maxEntries));
    else if (tag !== 'Set' && length > this.maxEntries) out.push(more(length - this.maxEntries));
    return out;
  }
}
