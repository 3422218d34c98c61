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

const DEFAULT_MAX_DEPTH = 6;
const DEFAULT_MAX_STRING = 2000;
const DEFAULT_MAX_ENTRIES = 50;

/**
 * Copies any value into plain JSON: cycles become `"[Circular]"`, functions and symbols are
 * described, getters that throw become `"[Unreadable]"`, and size is bounded. Never throws.
 */
export function toJsonSafe(value: unknown, limits: JsonSafeLimits = {}): JsonValue {
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxString = limits.maxStringLength ?? DEFAULT_MAX_STRING;
  const maxEntries = limits.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const seen = new WeakSet();

  const cut = (s: string): string => (s.length > maxString ? `${s.slice(0, maxString)}…` : s);

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
    const obj = v as object;
    if (seen.has(obj)) return '[Circular]';
    if (depth >= maxDepth) return '[Object]';
    seen.add(obj);
    try {
      if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
      if (obj instanceof Error) {
        // A subclass may have put anything in name or message.
        const { name, message } = obj as { name: unknown; message: unknown };
        return { name: cut(String(name)), message: cut(String(message)) };
      }
      if (Array.isArray(obj)) {
        const out = obj.slice(0, maxEntries).map((item) => walk(item, depth + 1));
        if (obj.length > maxEntries) out.push(`[+${obj.length - maxEntries} more]`);
        return out;
      }
      const out: { [key: string]: JsonValue } = {};
      const keys = Object.keys(obj);
      for (const key of keys.slice(0, maxEntries)) {
        let item: unknown;
        try {
          item = (obj as Record<string, unknown>)[key];
        } catch {
          out[key] = '[Unreadable]';
          continue;
        }
        if (item === undefined) continue;
        out[key] = walk(item, depth + 1);
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
