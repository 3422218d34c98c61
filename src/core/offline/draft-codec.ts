/**
 * Structured-clone values as JSON text, for drafts kept in localStorage (the `pagehide` copy and the
 * fallback): plain JSON would turn a Date into a string and a Map, Set or typed array into `{}`.
 * Tagged objects (`{ $t: tag, v }`) carry what JSON cannot: `undefined`, NaN, ±Infinity, -0, BigInt,
 * Date, RegExp, Map, Set, ArrayBuffer and typed arrays / DataView; a plain object that has a `$t` key of
 * its own is tagged too, so it is never mistaken for one. Blob, File and anything else localStorage
 * cannot hold as text (functions, DOM nodes, Errors …) are dropped, and their paths returned, so the
 * caller can record the loss rather than hide it. An object met again (a shared reference, a cycle) is
 * written as `{ $t: 'r', v: n }`, the n-th object met in a depth-first walk, so it comes back as one
 * object, as structured clone keeps it; decoding numbers the objects it makes in the same order.
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
/** The built-in objects the tags below carry. */
const isBuiltIn = (value: object): boolean =>
  Array.isArray(value) ||
  value instanceof Date ||
  value instanceof RegExp ||
  value instanceof Map ||
  value instanceof Set ||
  value instanceof ArrayBuffer ||
  ArrayBuffer.isView(value);

const DROP = Symbol('dropped');

/** Defined, not assigned: a field named `__proto__` stays a field rather than setting the prototype. */
const define = (out: Record<string, unknown>, key: string, value: unknown) =>
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * Where a dropped Blob or File was, and what it was (size, type; name and lastModified of a File), so the
 * same one can be taken back from an IndexedDB copy of the draft (see `refillDraftBlobs`). `steps`: array
 * or Set indexes and field or Map keys (as strings), from the top.
 */
export interface DroppedBlob {
  readonly path: string;
  readonly steps: readonly (string | number)[];
  readonly size: number;
  readonly type: string;
  readonly name?: string;
  readonly lastModified?: number;
}

/**
 * `value` as JSON-safe data (see the file comment), the paths of what had to be dropped, and the Blobs
 * and Files among them.
 */
export function encodeDraftValue(value: unknown): { data: unknown; dropped: string[]; blobs: DroppedBlob[] } {
  const dropped: string[] = [];
  const blobs: DroppedBlob[] = [];
  // Each object met so far, by its number in walk order (decodeDraftValue numbers them alike).
  const seen = new Map<object, number>();
  // DROP in an array or Map becomes `undefined` (its place is kept); a dropped field is left out.
  // `steps` is undefined below a Map key or a Set entry: no way back to it.
  const encode = (item: unknown, path: string, steps?: readonly (string | number)[]): unknown => {
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
    const met = seen.get(item);
    if (met !== undefined) return { $t: 'r', v: met };
    const plain = isPlain(item);
    if (!plain && !isBuiltIn(item)) {
      dropped.push(path || '(value)');
      if (typeof Blob === 'function' && item instanceof Blob && steps) {
        const file = typeof File === 'function' && item instanceof File;
        blobs.push({
          path: path || '(value)',
          steps,
          size: item.size,
          type: item.type,
          ...(file ? { name: item.name, lastModified: item.lastModified } : {}),
        });
      }
      return DROP;
    }
    // Numbered before its contents are walked, so a cycle back to it finds it.
    seen.set(item, seen.size);
    const at = (key: string | number) =>
      typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const keep = (data: unknown) => (data === DROP ? { $t: 'u' } : data);
    const next = (step: string | number) => (steps ? [...steps, step] : undefined);
    if (Array.isArray(item))
      return Array.from(item, (entry: unknown, i) => keep(encode(entry, at(i), next(i))));
    if (item instanceof Date) return { $t: 'D', v: encode(item.getTime(), path) };
    if (item instanceof RegExp) return { $t: 'R', v: item.source, f: item.flags };
    if (item instanceof Map)
      return {
        $t: 'M',
        v: Array.from(item, ([k, v], i) => [
          keep(encode(k, at(i))),
          keep(encode(v, at(String(k)), next(String(k)))),
        ]),
      };
    if (item instanceof Set)
      return { $t: 'S', v: Array.from(item, (entry, i) => keep(encode(entry, at(i)))) };
    if (item instanceof ArrayBuffer) return { $t: 'A', v: toBase64(new Uint8Array(item)) };
    if (ArrayBuffer.isView(item)) {
      const bytes = new Uint8Array(item.buffer, item.byteOffset, item.byteLength);
      return { $t: 'T', c: item.constructor.name, v: toBase64(bytes) };
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(item)) {
      const data = encode(field, at(key), next(key));
      if (data !== DROP) define(out, key, data);
    }
    return '$t' in out ? { $t: 'o', v: out } : out;
  };
  const data = encode(value, '', []);
  return { data: data === DROP ? { $t: 'u' } : data, dropped, blobs };
}

/** The value {@link encodeDraftValue} encoded. Unknown tags come back as they are. */
export function decodeDraftValue(data: unknown): unknown {
  // Every object made, in the order the encoder numbered them: `{ $t: 'r', v: n }` is `made[n]`.
  const made: unknown[] = [];
  /** `out`, numbered before `fill` decodes its contents (a cycle inside refers back to it). */
  const make = <T>(out: T, fill: (out: T) => void): T => {
    made.push(out);
    fill(out);
    return out;
  };
  const fields = (from: Record<string, unknown>) =>
    make({}, (out) => {
      for (const [key, field] of Object.entries(from)) define(out, key, decode(field));
    });
  const decode = (item: unknown): unknown => {
    if (item === null || typeof item !== 'object') return item;
    if (Array.isArray(item))
      return make([] as unknown[], (out) => {
        for (const entry of item) out.push(decode(entry));
      });
    const tagged = item as Tagged;
    switch (typeof tagged.$t === 'string' ? tagged.$t : undefined) {
      case undefined:
        return fields(item as Record<string, unknown>);
      case 'u':
        return undefined;
      case 'n':
        return tagged.v === '-0' ? -0 : Number(tagged.v);
      case 'b':
        return BigInt(String(tagged.v));
      case 'r':
        return made[Number(tagged.v)];
      case 'D':
        return make(new Date(decode(tagged.v) as number), () => undefined);
      case 'R':
        return make(new RegExp(String(tagged.v), tagged.f), () => undefined);
      case 'M':
        return make(new Map(), (out) => {
          for (const [k, v] of tagged.v as [unknown, unknown][]) out.set(decode(k), decode(v));
        });
      case 'S':
        return make(new Set(), (out) => {
          for (const entry of tagged.v as unknown[]) out.add(decode(entry));
        });
      case 'A':
        return make(fromBase64(String(tagged.v)), () => undefined);
      case 'T': {
        const View = TYPED.find((type) => type.name === tagged.c) ?? Uint8Array;
        const buffer = fromBase64(String(tagged.v));
        const view = View === DataView ? new DataView(buffer) : new (View as typeof Uint8Array)(buffer);
        return make(view, () => undefined);
      }
      case 'o':
        return fields(tagged.v as Record<string, unknown>);
      default:
        return item;
    }
  };
  return decode(data);
}
