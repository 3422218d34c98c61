import { decodeDraftValue, encodeDraftValue, type DroppedBlob } from './draft-codec';
import type { DraftBackend, DraftEntry } from './draft-types';

type Accepts = (current: DraftEntry | undefined) => boolean;

/**
 * Drafts in localStorage (the `pagehide` copy and the first fallback), one JSON item per key under
 * `<name>:`. Synchronous underneath, which is what `stash` needs on `pagehide`. Values go through
 * {@link encodeDraftValue}: a Date, Map, Set, BigInt or typed array comes back as it was; what text cannot
 * hold (a Blob, a File) is left out, its path kept in the entry's `dropped` and handed to `onDropped`.
 */
export function createWebStorageDraftBackend(
  storage: Storage,
  name: string,
  onDropped?: (key: string, paths: readonly string[]) => void,
): DraftBackend & {
  /** Writes at once when `accepts` the stored entry; throws what `setItem` throws (quota). */
  putSync(entry: DraftEntry, accepts: Accepts): boolean;
  getSync(key: string): DraftEntry | undefined;
  /** The Blobs and Files left out of the copy of `key` (see {@link DroppedBlob}). */
  droppedBlobs(key: string): readonly DroppedBlob[];
  deleteSync(key: string): void;
} {
  const prefix = `${name}:`;
  type Stored = DraftEntry & { encoded?: boolean; blobs?: DroppedBlob[] };
  const read = (key: string): Stored | undefined => {
    try {
      const text = storage.getItem(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as Stored);
    } catch {
      // Unparsable (written by something else): treat as absent.
      return undefined;
    }
  };
  const getSync = (key: string): DraftEntry | undefined => {
    const stored = read(key);
    if (!stored) return undefined;
    const { encoded, ...entry } = stored;
    delete entry.blobs;
    try {
      return encoded ? { ...entry, value: decodeDraftValue(entry.value) } : entry;
    } catch {
      return undefined;
    }
  };
  const putSync = (entry: DraftEntry, accepts: Accepts): boolean => {
    if (!accepts(getSync(entry.key))) return false;
    const { data, dropped, blobs } = encodeDraftValue(entry.value);
    const stored = {
      ...entry,
      value: data,
      encoded: true,
      ...(dropped.length ? { dropped } : {}),
      ...(blobs.length ? { blobs } : {}),
    };
    storage.setItem(prefix + entry.key, JSON.stringify(stored));
    if (dropped.length) onDropped?.(entry.key, dropped);
    return true;
  };
  const deleteSync = (key: string) => storage.removeItem(prefix + key);
  return {
    kind: 'localstorage',
    getSync,
    droppedBlobs: (key) => read(key)?.blobs ?? [],
    putSync,
    deleteSync,
    get: (key) => Promise.resolve(getSync(key)),
    put: (entry, accepts) => new Promise((resolve) => resolve(putSync(entry, accepts))),
    delete: (key) => Promise.resolve(deleteSync(key)),
    list(start) {
      const entries: DraftEntry[] = [];
      for (let i = 0; i < storage.length; i++) {
        const item = storage.key(i);
        if (item?.startsWith(prefix + start)) {
          const entry = getSync(item.slice(prefix.length));
          if (entry) entries.push(entry);
        }
      }
      return Promise.resolve(entries);
    },
    close: () => undefined,
  };
}

/** Throws when `storage` cannot be written (Safari private mode, storage blocked, quota 0). */
export function probeWebStorage(storage: Storage, name: string): void {
  const key = `${name}:__probe__`;
  storage.setItem(key, '1');
  storage.removeItem(key);
}
