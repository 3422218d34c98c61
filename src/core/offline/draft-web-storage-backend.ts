import type { DraftBackend, DraftEntry } from './draft-types';

/**
 * Drafts in localStorage (the first fallback), one JSON item per key under `<name>:`. Synchronous
 * underneath, which is what `stash` needs on `pagehide`. Values go through JSON: a Date comes back as
 * a string, a Blob or Map does not survive.
 */
export function createWebStorageDraftBackend(
  storage: Storage,
  name: string,
): DraftBackend & {
  /** Writes at once; throws what `setItem` throws (quota). */
  putSync(entry: DraftEntry): boolean;
  getSync(key: string): DraftEntry | undefined;
  deleteSync(key: string): void;
} {
  const prefix = `${name}:`;
  const getSync = (key: string): DraftEntry | undefined => {
    try {
      const text = storage.getItem(prefix + key);
      return text === null ? undefined : (JSON.parse(text) as DraftEntry);
    } catch {
      // Unparsable (written by something else): treat as absent.
      return undefined;
    }
  };
  const putSync = (entry: DraftEntry): boolean => {
    const current = getSync(entry.key);
    if (current && current.tab !== entry.tab && current.savedAt > entry.savedAt) return false;
    storage.setItem(prefix + entry.key, JSON.stringify(entry));
    return true;
  };
  const deleteSync = (key: string) => storage.removeItem(prefix + key);
  return {
    kind: 'localstorage',
    getSync,
    putSync,
    deleteSync,
    get: (key) => Promise.resolve(getSync(key)),
    put: (entry) => new Promise((resolve) => resolve(putSync(entry))),
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
