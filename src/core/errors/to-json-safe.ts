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

const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_STRING = 2000;
const DEFAULT_MAX_ENTRIES = 50;
/** Collections copied as their entries: a Map, `Headers`, `URLSearchParams` or `FormData` becomes an object. */
const ENTRIES = /^\[object (Map|Headers|URLSearchParams|FormData)\]$/;

/**
 * Copies any value into plain JSON: cycles become `"[Circular]"`, functions and symbols are
 * described, getters that throw become `"[Unreadable]"`, and size is bounded. Errors keep name,
 * message, stack, cause and own fields; Maps, Sets and `Headers` become objects and arrays; a
 * `toJSON` method (Date, URL, AppError) is used. Never throws.
 */
export function toJsonSafe(value: unknown, options: JsonSafeOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxString = options.maxStringLength ?? DEFAULT_MAX_STRING;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const { mapString = (s: string) => s, mapEntry } = options;
  const seen = new WeakSet();

  const cut = (s: string): string => mapString(s.length > maxString ? `${s.slice(0, maxString)}…` : s);

  const walk = (v: unknown, depth: number): JsonValue => {
    switch (typeof v) {
      case 'string':
        return cut(v);
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'boolean':
        return v;
      case 'bigint':
        return `${v.toString()}n`;
      case 'symbol':
        return cut(v.toString());
      case 'function':
        return `[Function ${v.name || 'anonymous'}]`;
      case 'undefined':
        return null;
    }
    if (v === null) return null;
    const obj = v as Record<string, unknown>;
    if (seen.has(obj)) return '[Circular]';
    if (depth >= maxDepth) return '[Object]';
    seen.add(obj);
    try {
      const { toJSON } = obj;
      if (!(obj instanceof Error) && typeof toJSON === 'function')
        return walk(toJSON.call(obj) as unknown, depth + 1);
      const tag = Object.prototype.toString.call(obj);
      if (tag === '[object Set]') return walk(Array.from(obj as unknown as Set<unknown>), depth);
      if (Array.isArray(obj)) {
        const out = obj.slice(0, maxEntries).map((item) => walk(item, depth + 1));
        if (obj.length > maxEntries) out.push(`[+${obj.length - maxEntries} more]`);
        return out;
      }
      const source: Record<string, unknown> = ENTRIES.test(tag)
        ? Object.fromEntries((obj as unknown as Map<PropertyKey, unknown>).entries())
        : obj;
      // An Error's name, message, stack and cause are usually not enumerable.
      const keys = [
        ...new Set([
          ...(obj instanceof Error ? ['name', 'message', 'stack', 'cause'] : []),
          ...Object.keys(source),
        ]),
      ];
      const out: { [key: string]: JsonValue } = {};
      for (const key of keys.slice(0, maxEntries)) {
        let item: unknown;
        try {
          item = source[key];
          if (mapEntry) item = mapEntry(key, item);
        } catch {
          out[key] = '[Unreadable]';
          continue;
        }
        if (item !== undefined) out[key] = walk(item, depth + 1);
      }
      if (keys.length > maxEntries) out['…'] = `[+${keys.length - maxEntries} more]`;
      return out;
    } catch {
      return '[Unreadable]';
    } finally {
      seen.delete(obj);
    }
  };

  return walk(value, 0);
}
