import type { JsonValue } from './types';

/** Limits for {@link toJsonSafe}. */
export interface JsonSafeLimits {
  /** @default 6 */
  maxDepth?: number;
  /** Longer strings are cut and marked with `…`. @default 2000 */
  maxStringLength?: number;
  /** Entries kept per object or array. @default 50 */
  maxEntries?: number;
}

/** Limits plus hooks; the redactor is built on these. */
export interface JsonSafeOptions extends JsonSafeLimits {
  /** Maps every string value (not keys), after it is cut to `maxStringLength`. @default identity */
  mapString?: (value: string) => string;
  /** Called for every object property; return the value to keep walking it, or a replacement. @default identity */
  mapEntry?: (key: string, value: unknown) => unknown;
}

/** Collections copied as their entries: a Map, `Headers`, `URLSearchParams` or `FormData` becomes an object. */
const ENTRIES = /^(Map|Headers|URLSearchParams|FormData)$/;
/** An Error's name, message, stack and cause are usually not enumerable. */
const ERROR_KEYS = ['name', 'message', 'stack', 'cause'];

/**
 * Copies any value into plain JSON: cycles become `"[Circular]"`, functions and symbols are
 * described, getters that throw become `"[Unreadable]"`, and size is bounded. Errors keep name,
 * message, stack, cause and own fields; Maps, Sets and `Headers` become objects and arrays; a
 * `toJSON` method (Date, URL, AppError) is used. Never throws.
 */
export function toJsonSafe(value: unknown, options: JsonSafeOptions = {}): JsonValue {
  const {
    maxDepth = 6,
    maxStringLength = 2000,
    maxEntries = 50,
    mapString = (text: string) => text,
    mapEntry = (_key: string, item: unknown) => item,
  } = options;
  const seen = new Set<object>();
  const more = (count: number): string => `[+${count - maxEntries} more]`;

  const walk = (item: unknown, depth: number): JsonValue => {
    if (item == null) return null;
    switch (typeof item) {
      case 'boolean':
        return item;
      case 'number':
        return Number.isFinite(item) ? item : String(item);
      case 'bigint':
        return `${item}n`;
      case 'function':
        return `[Function ${item.name || 'anonymous'}]`;
      case 'string':
      case 'symbol': {
        const text = String(item);
        return mapString(text.length > maxStringLength ? `${text.slice(0, maxStringLength)}…` : text);
      }
    }
    const obj = item as Record<string, unknown>;
    if (seen.has(obj)) return '[Circular]';
    if (depth >= maxDepth) return '[Object]';
    seen.add(obj);
    try {
      const isError = obj instanceof Error;
      const { toJSON } = obj;
      if (!isError && typeof toJSON === 'function') return walk(toJSON.call(obj), depth + 1);
      const tag = Object.prototype.toString.call(obj).slice(8, -1);
      if (tag === 'Set') return walk([...(obj as unknown as Set<unknown>)], depth);
      if (Array.isArray(obj)) {
        const out = obj.slice(0, maxEntries).map((entry) => walk(entry, depth + 1));
        if (obj.length > maxEntries) out.push(more(obj.length));
        return out;
      }
      const source: Record<string, unknown> = ENTRIES.test(tag)
        ? Object.fromEntries((obj as unknown as Map<PropertyKey, unknown>).entries())
        : obj;
      const keys = [...new Set([...(isError ? ERROR_KEYS : []), ...Object.keys(source)])];
      const out: { [key: string]: JsonValue } = {};
      for (const key of keys.slice(0, maxEntries)) {
        try {
          const entry = mapEntry(key, source[key]);
          if (entry !== undefined) out[key] = walk(entry, depth + 1);
        } catch {
          out[key] = '[Unreadable]';
        }
      }
      if (keys.length > maxEntries) out['…'] = more(keys.length);
      return out;
    } catch {
      return '[Unreadable]';
    } finally {
      seen.delete(obj);
    }
  };

  return walk(value, 0);
}
