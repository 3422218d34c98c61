import { decodeDraftValue, encodeDraftValue } from './draft-codec';
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
  deleteSync(key: string): void;
} {
  const prefix = `${name}:`;
  const getSync = (key: string): DraftEntry | undefined => {
    try {
      const text = storage.getItem(prefix + key);
      if (text === null) return undefined;
      const stored = JSON.parse(text) as DraftEntry & { encoded?: boolean };
      const { encoded, ...entry } = stored;
      return encoded ? { ...entry, value: decodeDraftValue(entry.value) } : entry;
    } catch {
      // Unparsable (written by something else): treat as absent.
      return undefined;
    }
  };
  const putSync = (entry: DraftEntry, accepts: Accepts): boolean => {
    if (!accepts(getSync(entry.key))) return false;
    const { data, dropped } = encodeDraftValue(entry.value);
    const stored = { ...entry, value: data, encoded: true, ...(dropped.length ? { dropped } : {}) };
    storage.setItem(prefix + entry.key, JSON.stringify(stored));
    if (dropped.length) onDropped?.(entry.key, dropped);
    return true;
  };
  const deleteSync = (key: string) => storage.removeItem(prefix + key);
  return {
    kind: 'localstorage',
    getSync,
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
