import type { IDBPDatabase } from 'idb';
import type { DraftBackend, DraftEntry } from './draft-types';
import { loadIdb } from './load-idb';

const STORE = 'drafts';

/** The connection was closed under us (by `close()`, a `versionchange`, or the browser): open it again. */
const isClosedConnection = (error: unknown): boolean =>
  (error instanceof DOMException || error instanceof Error) && error.name === 'InvalidStateError';

/**
 * Drafts in IndexedDB (through `idb`): one object store keyed by `key`. Rejects when the database
 * cannot be opened (private mode, blocked storage), so the caller can fall back.
 *
 * The connection gives way and comes back: on `versionchange` (another tab deletes the database, on
 * logout say, or opens a newer version) it is closed at once, so that tab is not blocked; when it was
 * closed (that, or the browser closing it: "Clear site data", a backing-store error), the next operation
 * opens it again, once, before failing over to the next storage.
 */
export async function openIdbDraftBackend(factory: IDBFactory, name: string): Promise<DraftBackend> {
  // Loaded on first use: idb runs code at import (its proxy traps), which would otherwise ride along with every
  // import of bulwark/core, drafts or not (about 1 kB).
  const { wrap } = await loadIdb();
  let shut = false;
  let connection: Promise<IDBPDatabase> | undefined;
  const connect = (): Promise<IDBPDatabase> => {
    const gone = () => {
      if (connection === opening) connection = undefined;
    };
    const opening = new Promise<IDBDatabase>((resolve, reject) => {
      // `factory.open` rather than idb's `openDB`, which always uses the global IndexedDB.
      const request = factory.open(name, 1);
      let blocked = false;
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => {
        // Opened after all, once the blocking tab let go: this store no longer waits for it.
        if (blocked) request.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error ?? new Error(`IndexedDB did not open ${name}`));
      // Another tab holds an older version open and does not let go: fail over rather than wait without end.
      request.onblocked = () => {
        blocked = true;
        reject(new DOMException(`IndexedDB ${name} is held open by another tab`, 'AbortError'));
      };
    }).then((raw) => {
      raw.onversionchange = () => {
        raw.close();
        gone();
      };
      raw.onclose = gone;
      return wrap(raw);
    });
    // A failed open is not kept: the next operation tries again.
    opening.catch(gone);
    connection = opening;
    return opening;
  };
  await connect();

  /** `op` on the open connection; on a connection closed under it, once more on a new one. */
  const run = async <T>(op: (db: IDBPDatabase) => Promise<T>): Promise<T> => {
    for (let attempt = 0; ; attempt++) {
      if (shut) throw new DOMException(`Draft database ${name} is closed`, 'InvalidStateError');
      const current = connection ?? connect();
      try {
        return await op(await current);
      } catch (error) {
        if (attempt > 0 || !isClosedConnection(error)) throw error;
        if (connection === current) connection = undefined;
      }
    }
  };

  return {
    kind: 'indexeddb',
    get: (key) => run(async (db) => (await db.get(STORE, key)) as DraftEntry | undefined),
    put: (entry, accepts) =>
      run(async (db) => {
        // Read and write in one transaction, so a newer save from another tab is never overwritten.
        const tx = db.transaction(STORE, 'readwrite');
        const write = accepts((await tx.store.get(entry.key)) as DraftEntry | undefined);
        if (write) await tx.store.put(entry);
        await tx.done;
        return write;
      }),
    delete: (key) => run((db) => db.delete(STORE, key)),
    list: (prefix) =>
      run(
        async (db) => (await db.getAll(STORE, IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as DraftEntry[],
      ),
    close() {
      shut = true;
      void connection?.then(
        (db) => db.close(),
        () => undefined,
      );
      connection = undefined;
    },
  };
}
