import type { DraftBackend, DraftEntry } from './draft-types';

/** The last fallback: drafts in a Map, gone when the tab closes. */
export function createMemoryDraftBackend(): DraftBackend & {
  putSync(entry: DraftEntry, accepts: (current: DraftEntry | undefined) => boolean): boolean;
} {
  const entries = new Map<string, DraftEntry>();
  const putSync = (entry: DraftEntry, accepts: (current: DraftEntry | undefined) => boolean): boolean => {
    if (!accepts(entries.get(entry.key))) return false;
    entries.set(entry.key, entry);
    return true;
  };
  return {
    kind: 'memory',
    putSync,
    get: (key) => Promise.resolve(entries.get(key)),
    put: (entry, accepts) => Promise.resolve(putSync(entry, accepts)),
    delete: (key) => Promise.resolve(void entries.delete(key)),
    list: (prefix) => Promise.resolve([...entries.values()].filter((e) => e.key.startsWith(prefix))),
    close: () => entries.clear(),
  };
}
