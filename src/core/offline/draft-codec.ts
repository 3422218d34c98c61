/**
 * Structured-clone values as JSON text, for drafts kept in localStorage (the `pagehide` copy and the
 * fallback): plain JSON would turn a Date into a string and a Map, Set or typed array into `{}`.
 * Tagged objects (`{ $t: tag, v }`) carry what JSON cannot: `undefined`, NaN, ±Infinity, -0, BigInt,
 * Date, RegExp, Map, Set, ArrayBuffer and typed arrays / DataView; a plain object that has a `$t` key of
 * its own is tagged too, so it is never mistaken for one. Blob, File and anything else localStorage
 * cannot hold as text (functions, DOM nodes, Errors …) are dropped, and their paths returned, so the
 * caller can record the loss rather than hide it. Shared references come back as copies.
 */

type Tagged = { $t: string; v?: unknown; f?: string; c?: string };

const TYPED = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
] as const;

const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  // Chunked: String.fromCharCode with a huge spread overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};
const fromBase64 = (text: string): ArrayBuffer => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
};

const isPlain = (value: object): boolean => Object.prototype.toString.call(value) === '[object Object]';

const DROP = Symbol('dropped');

/** `value` as JSON-safe data (see the file comment), and the paths of what had to be dropped. */
export function encodeDraftValue(value: unknown): { data: unknown; dropped: string[] } {
  const dropped: string[] = [];
  // DROP in an array or Map becomes `undefined` (its place is kept); a dropped field is left out.
  const encode = (item: unknown, path: string): unknown => {
    switch (typeof item) {
      case 'string':
      case 'boolean':
        return item;
      case 'number':
        if (Number.isNaN(item)) return { $t: 'n', v: 'NaN' };
        if (Object.is(item, -0)) return { $t: 'n', v: '-0' };
        return Number.isFinite(item) ? item : { $t: 'n', v: item > 0 ? 'Infinity' : '-Infinity' };
      case 'undefined':
        return { $t: 'u' };
      case 'bigint':
        return { $t: 'b', v: item.toString() };
      case 'object':
        break;
      default:
        // Functions and symbols: structured clone refuses them; here they are left out, by path.
        dropped.push(path || '(value)');
        return DROP;
    }
    if (item === null) return null;
    const at = (key: string | number) =>
      typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const keep = (data: unknown) => (data === DROP ? { $t: 'u' } : data);
    if (Array.isArray(item)) return Array.from(item, (entry: unknown, i) => keep(encode(entry, at(i))));
    if (item instanceof Date) return { $t: 'D', v: encode(item.getTime(), path) };
    if (item instanceof RegExp) return { $t: 'R', v: item.source, f: item.flags };
    if (item instanceof Map)
      return {
        $t: 'M',
        v: Array.from(item, ([k, v], i) => [keep(encode(k, at(i))), keep(encode(v, at(String(k))))]),
      };
    if (item instanceof Set)
      return { $t: 'S', v: Array.from(item, (entry, i) => keep(encode(entry, at(i)))) };
    if (item instanceof ArrayBuffer) return { $t: 'A', v: toBase64(new Uint8Array(item)) };
    if (ArrayBuffer.isView(item)) {
      const bytes = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
      return { $t: 'T', c: item.constructor.name, v: toBase64(bytes) };
    }
    if (!isPlain(item)) {
      dropped.push(path || '(value)');
      return DROP;
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(item)) {
      const data = encode(field, at(key));
      if (data !== DROP) out[key] = data;
    }
    return '$t' in out ? { $t: 'o', v: out } : out;
  };
  const data = encode(value, '');
  return { data: data === DROP ? { $t: 'u' } : data, dropped };
}

/** The value {@link encodeDraftValue} encoded. Unknown tags come back as they are. */
export function decodeDraftValue(data: unknown): unknown {
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) return data.map(decodeDraftValue);
  const tagged = data as Tagged;
  switch (typeof tagged.$t === 'string' ? tagged.$t : undefined) {
    case undefined:
      break;
    case 'u':
      return undefined;
    case 'n':
      return tagged.v === '-0' ? -0 : Number(tagged.v);
    case 'b':
      return BigInt(String(tagged.v));
    case 'D':
      return new Date(decodeDraftValue(tagged.v) as number);
    case 'R':
      return new RegExp(String(tagged.v), tagged.f);
    case 'M':
      return new Map(
        (tagged.v as [unknown, unknown][]).map(([k, v]) => [decodeDraftValue(k), decodeDraftValue(v)]),
      );
    case 'S':
      return new Set((tagged.v as unknown[]).map(decodeDraftValue));
    case 'A':
      return fromBase64(String(tagged.v));
    case 'T': {
      const View = TYPED.find((type) => type.name === tagged.c) ?? Uint8Array;
      const buffer = fromBase64(String(tagged.v));
      return View === DataView ? new DataView(buffer) : new (View as typeof Uint8Array)(buffer);
    }
    case 'o':
      return decodeFields(tagged.v as Record<string, unknown>);
    default:
      return data;
  }
  return decodeFields(data as Record<string, unknown>);
}

const decodeFields = (data: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(data)) out[key] = decodeDraftValue(field);
  return out;
};
