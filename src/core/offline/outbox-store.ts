import type { DBSchema, IDBPDatabase, openDB } from 'idb';
import type { OutboxEntry } from './outbox-record';
import { toStorageError } from './outbox-storage-error';

/** The IndexedDB database of every outbox in an origin (drafts and checkpoints use their own). */
export const OUTBOX_DB_NAME = 'bulwark-outbox';

interface OutboxDb extends DBSchema {
  entries: {
    key: number;
    value: OutboxEntry;
    // [outbox, state, seq]: one range read gives an outbox's line in order, or its dead letters.
    indexes: { line: [string, string, number]; id: string };
  };
  outboxes: { key: string; value: { name: string; paused: boolean } };
}

/** Storage of one outbox. Every method rejects with an `OutboxStorageError` when IndexedDB fails. */
export interface OutboxStore {
  /** Appends an entry at the end of the line; resolves with it (its `seq` set). */
  readonly add: (entry: OutboxEntry) => Promise<OutboxEntry>;
  /** The first pending entry, if any. */
  readonly head: () => Promise<OutboxEntry | undefined>;
  /** Replaces a stored entry (same `seq`). */
  readonly put: (entry: OutboxEntry) => Promise<void>;
  /** Removes an entry: only after the server answered 2xx. */
  readonly remove: (seq: number) => Promise<void>;
  readonly pendingCount: () => Promise<number>;
  readonly deadLetters: () => Promise<OutboxEntry[]>;
  readonly isPaused: () => Promise<boolean>;
  readonly setPaused: (paused: boolean) => Promise<void>;
  /** Puts a dead letter back at the end of the line, attempts reset; false if there is no such dead letter. */
  readonly retry: (id: string) => Promise<boolean>;
  /** Deletes a dead letter for good; false if there is no such dead letter. */
  readonly discard: (id: string) => Promise<boolean>;
}

const lineOf = (outbox: string, state: string) =>
  IDBKeyRange.bound([outbox, state, -Infinity], [outbox, state, Infinity]);

/**
 * Where `openDB` comes from. idb patches its wrappers when imported, so no bundler can drop an unused
 * static import of it: the page loads it with `import()` on first use (only apps that use the queue
 * pay for it), the worker imports it statically (service workers have no `import()`).
 */
export type LoadIdb = () => typeof openDB | Promise<typeof openDB>;

/** Opens (lazily, once) the outbox database and gives one outbox's storage. */
export function createOutboxStore(
  outbox: string,
  loadIdb: LoadIdb,
  dbName: string = OUTBOX_DB_NAME,
): OutboxStore {
  let db: Promise<IDBPDatabase<OutboxDb>> | undefined;
  const open = () =>
    (db ??= Promise.resolve(loadIdb())
      .then((openDB) =>
        openDB<OutboxDb>(dbName, 1, {
          upgrade(database) {
            const entries = database.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
            entries.createIndex('line', ['outbox', 'state', 'seq']);
            entries.createIndex('id', 'id', { unique: true });
            database.createObjectStore('outboxes', { keyPath: 'name' });
          },
          // Another context upgrading or deleting the database: let go, reopen on next use.
          blocking(_current, _next, event) {
            (event.target as IDBDatabase).close();
            db = undefined;
          },
        }),
      )
      .catch((error: unknown) => {
        db = undefined;
        throw error;
      }));
  // Every failure leaves as an OutboxStorageError so callers can tell "not stored" from anything else.
  const run = async <T>(task: (database: IDBPDatabase<OutboxDb>) => Promise<T>): Promise<T> => {
    try {
      return await task(await open());
    } catch (error) {
      throw toStorageError(error);
    }
  };
  const deadById = async (database: IDBPDatabase<OutboxDb>, id: string) => {
    const entry = await database.getFromIndex('entries', 'id', id);
    return entry?.outbox === outbox && entry.state === 'dead' ? entry : undefined;
  };

  return {
    add: (entry) =>
      run(async (database) => {
        const fresh = { ...entry };
        delete fresh.seq; // IndexedDB numbers it.
        return { ...fresh, seq: await database.add('entries', fresh) };
      }),
    head: () =>
      run(async (database) => {
        const cursor = await database
          .transaction('entries')
          .store.index('line')
          .openCursor(lineOf(outbox, 'pending'));
        return cursor?.value;
      }),
    put: (entry) =>
      run(async (database) => {
        await database.put('entries', entry);
      }),
    remove: (seq) => run((database) => database.delete('entries', seq)),
    pendingCount: () =>
      run((database) => database.countFromIndex('entries', 'line', lineOf(outbox, 'pending'))),
    deadLetters: () => run((database) => database.getAllFromIndex('entries', 'line', lineOf(outbox, 'dead'))),
    isPaused: () => run(async (database) => (await database.get('outboxes', outbox))?.paused ?? false),
    setPaused: (paused) =>
      run(async (database) => {
        await database.put('outboxes', { name: outbox, paused });
      }),
    retry: (id) =>
      run(async (database) => {
        const entry = await deadById(database, id);
        if (!entry?.seq) return false;
        const tx = database.transaction('entries', 'readwrite');
        // The user chose to send it: an expired entry gets a fresh `maxAgeMs` instead of expiring at once.
        const next: OutboxEntry = {
          ...entry,
          state: 'pending',
          attempts: 0,
          notBefore: 0,
          requeuedAt: Date.now(),
        };
        // A new seq puts it at the end of the line: what was sent while it was dead stays sent first.
        delete next.seq;
        delete next.reason;
        delete next.excerpt;
        delete next.retryAfterUntil;
        await Promise.all([tx.store.delete(entry.seq), tx.store.add(next), tx.done]);
        return true;
      }),
    discard: (id) =>
      run(async (database) => {
        const entry = await deadById(database, id);
        if (!entry?.seq) return false;
        await database.delete('entries', entry.seq);
        return true;
      }),
  };
}
