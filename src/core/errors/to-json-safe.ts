import { clip } from './redaction/clip';
import { readProperty } from './read-property';
import type { JsonValue } from './types';

/** Limits for {@link toJsonSafe}. */
export interface JsonSafeLimits {
  /** @default 6 */
  maxDepth?: number;
  /** Longer strings (and keys) are cut and marked with `…`, after `mapString` has seen them whole. @default 2000 */
  maxStringLength?: number;
  /** Entries kept per object, array, Map or Set. @default 50 */
  maxEntries?: number;
  /** Values copied in all; the rest become `"[…]"`. Bounds a wide and deep tree. @default 500 */
  maxNodes?: number;
}

/** Limits plus hooks; the redactor is built on these. */
export interface JsonSafeOptions extends JsonSafeLimits {
  /**
   * Maps every string value and key, before it is cut to `maxStringLength` (it sees up to 256
   * characters more). `key` is the name the value is stored under (`''` for a key itself or the root).
   * @default identity
   */
  mapString?: (value: string, key: string) => string;
  /** Maps every finite number and bigint. @default the number (a bigint as `"123n"`) */
  mapNumber?: (value: number | bigint, key: string) => JsonValue;
  /** Called for every object property; return the value to keep walking it, or a replacement. @default identity */
  mapEntry?: (key: string, value: unknown) => unknown;
}

/** Collections copied as their entries: a Map, `Headers`, `URLSearchParams` or `FormData` becomes an object. */
const ENTRIES = /^(Map|Headers|URLSearchParams|FormData)$/;
/** An Error's name, message, stack, cause (and an AggregateError's errors) are usually not enumerable. */
const ERROR_KEYS = ['name', 'message', 'stack', 'code', 'cause', 'errors'];

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

/**
 * Copies any value into plain JSON: cycles become `"[Circular]"`, functions and symbols are
 * described, getters and Proxy traps that throw become `"[Unreadable]"`, and work is bounded (depth,
 * entries per collection, values in all, string length) whatever the input's size: a Map of a
 * million entries costs as much as one of 50. Errors from any realm keep name, message, stack,
 * code, cause, AggregateError's `errors` and own fields; Maps, Sets and `Headers` become objects and
 * arrays; a `toJSON` method (Date, URL) is used. One cost is not bounded: listing the keys of a plain
 * object (JavaScript has no way to read the first 50 keys of an object with two million). Never throws.
 */
export function toJsonSafe(value: unknown, options: JsonSafeOptions = {}): JsonValue {
  const {
    maxDepth = 6,
    maxStringLength = 2000,
    maxEntries = 50,
    maxNodes = 500,
    mapString = (text: string) => text,
    mapNumber = (n: number | bigint) => (typeof n === 'bigint' ? `${n}n` : n),
    mapEntry = (_key: string, item: unknown) => item,
  } = options;
  const seen = new Set<object>();
  let nodes = 0;
  const more = (count: number | string): string => `[+${count} more]`;
  const text = (item: string, key: string): string => clip(item, maxStringLength, (t) => mapString(t, key));

  const walk = (item: unknown, depth: number, key: string): JsonValue => {
    if (++nodes > maxNodes) return '[…]';
    if (item == null) return null;
    switch (typeof item) {
      case 'boolean':
        return item;
      case 'number':
        return Number.isFinite(item) ? mapNumber(item, key) : String(item);
      case 'bigint':
        return mapNumber(item, key);
      case 'function':
        return text(`[Function ${fnName(readProperty(item, 'name'))}]`, key);
      case 'string':
        return text(item, key);
      case 'symbol':
        return text(item.toString(), key);
    }
    const obj = item as Record<string, unknown>;
    if (seen.has(obj)) return '[Circular]';
    if (depth >= maxDepth) return '[Object]';
    seen.add(obj);
    try {
      const isError = isErrorLike(obj);
      const { toJSON } = obj;
      if (!isError && typeof toJSON === 'function') return walk(toJSON.call(obj), depth + 1, key);
      const tag = Object.prototype.toString.call(obj).slice(8, -1);
      if (tag === 'Set' || Array.isArray(obj)) {
        const [items, cut] =
          tag === 'Set'
            ? take(Set.prototype.values.call(obj), maxEntries)
            : [Array.from({ length: Math.min(obj.length as number, maxEntries) }, (_, i) => obj[i]), false];
        const out = items.map((entry) => walk(entry, depth + 1, key));
        if (cut) out.push(more((obj.size as number) - maxEntries));
        else if (tag !== 'Set' && (obj.length as number) > maxEntries)
          out.push(more((obj.length as number) - maxEntries));
        return out;
      }
      let entries: [unknown, unknown][];
      let rest: number | string = 0;
      if (ENTRIES.test(tag)) {
        const iterator = (obj.entries as () => Iterator<[unknown, unknown]>).call(obj);
        const [items, cut] = take(iterator, maxEntries);
        entries = items;
        if (cut) rest = typeof obj.size === 'number' ? obj.size - maxEntries : 'some';
      } else {
        const keys = [...new Set([...(isError ? ERROR_KEYS : []), ...Object.keys(obj)])];
        entries = keys.slice(0, maxEntries).map((k) => [k, undefined]);
        rest = Math.max(0, keys.length - maxEntries);
      }
      const out: { [key: string]: JsonValue } = {};
      for (const [rawKey, mapped] of entries) {
        const name = String(rawKey);
        let safeKey = text(name, '');
        while (Object.hasOwn(out, safeKey)) safeKey += '#';
        try {
          const entry = mapEntry(name, ENTRIES.test(tag) ? mapped : obj[name]);
          if (entry !== undefined) out[safeKey] = walk(entry, depth + 1, name);
        } catch {
          out[safeKey] = '[Unreadable]';
        }
      }
      if (rest) out['…'] = more(rest);
      return out;
    } catch {
      return '[Unreadable]';
    } finally {
      seen.delete(obj);
    }
  };

  return walk(value, 0, '');
}
