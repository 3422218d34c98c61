import type { DroppedBlob } from './draft-codec';
import type { DraftEntry } from './draft-types';

type Step = string | number;

/** The part of `container` at `step` (an array index, a field, a Map key compared as a string). */
const child = (container: unknown, step: Step): unknown => {
  if (Array.isArray(container)) return typeof step === 'number' ? (container[step] as unknown) : undefined;
  if (container instanceof Map) {
    for (const [key, value] of container) if (String(key) === String(step)) return value;
    return undefined;
  }
  if (typeof container === 'object' && container !== null && Object.hasOwn(container, step))
    return (container as Record<string, unknown>)[step];
  return undefined;
};

/** Puts `value` at `step` of `container`; false where it cannot (no such Map key, not a container). */
const put = (container: unknown, step: Step, value: unknown): boolean => {
  if (Array.isArray(container) && typeof step === 'number') container[step] = value;
  else if (container instanceof Map) {
    const key: unknown = [...(container as Map<unknown, unknown>).keys()].find(
      (k) => String(k) === String(step),
    );
    if (key === undefined && !container.has(undefined)) return false;
    container.set(key, value);
  } else if (typeof container === 'object' && container !== null && typeof step === 'string')
    Object.defineProperty(container, step, { value, enumerable: true, writable: true, configurable: true });
  else return false;
  return true;
};

/** `blob` is the one `info` describes: same size and type, and for a File the same name and lastModified. */
const isSame = (blob: unknown, info: DroppedBlob): blob is Blob => {
  if (typeof Blob !== 'function' || !(blob instanceof Blob)) return false;
  if (blob.size !== info.size || blob.type !== info.type) return false;
  const file = typeof File === 'function' && blob instanceof File;
  return info.name === undefined
    ? !file
    : file && blob.name === info.name && blob.lastModified === info.lastModified;
};

/**
 * `entry`, a localStorage copy of a draft (the `pagehide` one) that had to leave Blobs or Files out, with
 * each put back from `older`, an IndexedDB copy of the same draft, where that copy holds the same Blob
 * (same size and type; for a File the same name and last-modified time). A Blob replaced since (another
 * file picked) is not taken back: its path stays in `dropped`, so the form can ask for it again.
 */
export function refillDraftBlobs<T>(
  entry: DraftEntry<T>,
  blobs: readonly DroppedBlob[],
  older: DraftEntry | undefined,
): DraftEntry<T> {
  if (!older || older.version !== entry.version || blobs.length === 0) return entry;
  let value: unknown = entry.value;
  const refilled = new Set<string>();
  for (const info of blobs) {
    const blob = info.steps.reduce<unknown>(child, older.value);
    if (!isSame(blob, info)) continue;
    const last = info.steps.at(-1);
    if (last === undefined) value = blob;
    else if (!put(info.steps.slice(0, -1).reduce<unknown>(child, value), last, blob)) continue;
    refilled.add(info.path);
  }
  if (refilled.size === 0) return entry;
  const dropped = (entry.dropped ?? []).filter((path) => !refilled.has(path));
  const rest: DraftEntry<T> = { ...entry, value: value as T };
  if (dropped.length) return { ...rest, dropped };
  delete (rest as { dropped?: unknown }).dropped;
  return rest;
}
