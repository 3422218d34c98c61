import type { DraftBackend, DraftEntry } from './draft-types';

const STORE = 'drafts';

/**
 * Drafts in IndexedDB (through `idb`): one object store keyed by `key`. Rejects when the database
 * cannot be opened (private mode, blocked storage), so the caller can fall back.
 */
export async function openIdbDraftBackend(factory: IDBFactory, name: string): Promise<DraftBackend> {
  // Loaded on first use: idb runs code at import (its proxy traps), which would otherwise ride along with every
  // import of bulwark/core, drafts or not (about 1 kB).
  const { wrap } = await import('idb');
  // `factory.open` rather than idb's `openDB`, which always uses the global IndexedDB.
  const request = factory.open(name, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
  const db = await wrap(request);
  // idb types an open request's result as possibly undefined (a blocked open); ours always resolves a database or rejects.
  if (!db) throw new Error(`IndexedDB did not open ${name}`);
  return {
    kind: 'indexeddb',
    get: async (key) => (await db.get(STORE, key)) as DraftEntry | undefined,
    async put(entry, accepts) {
      // Read and write in one transaction, so a newer save from another tab is never overwritten.
      const tx = db.transaction(STORE, 'readwrite');
      const current = (await tx.store.get(entry.key)) as DraftEntry | undefined;
      const write = accepts(current);
      if (write) await tx.store.put(entry);
      await tx.done;
      return write;
    },
    delete: (key) => db.delete(STORE, key),
    list: async (prefix) =>
      (await db.getAll(STORE, IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as DraftEntry[],
    close: () => db.close(),
  };
}
