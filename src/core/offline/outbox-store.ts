import type { DBSchema, IDBPDatabase, openDB } from 'idb';
import { OutboxKeyConflictError } from './outbox-key-conflict-error';
import { sameRequest, type OutboxEntry } from './outbox-record';
import { toStorageError } from './outbox-storage-error';

/** The IndexedDB database of every outbox in an origin (drafts and checkpoints use their own). */
export const OUTBOX_DB_NAME = 'bulwark-outbox';

interface OutboxDb extends DBSchema {
  entries: {
    key: number;
    value: OutboxEntry;
    // [outbox, state, seq]: one range read gives an outbox's line in order, or its dead letters.
    // [outbox, key]: the entries sharing an app's Idempotency-Key (entries without a key are not in it).
    indexes: { line: [string, string, number]; id: string; key: [string, string] };
  };
  outboxes: { key: string; value: OutboxState };
}

/** An outbox's own record: its pause, and what caused it (for the one capture of it). */
interface OutboxState {
  name: string;
  paused: boolean;
  /** The answer that paused it (a 401) and the entry's redacted URL. */
  cause?: OutboxPause;
  /** True once a page has captured this pause (one capture, whichever tab claims it first). */
  reported?: boolean;
}

/** Why an outbox paused: the status of the answer and the (redacted) URL of the entry. */
export interface OutboxPause {
  status: number;
  url: string;
}

/** The first pending entries in order, and whether the outbox is paused: what a replay step reads. */
export interface OutboxLine {
  paused: boolean;
  /** Up to the number asked for, first in line first. */
  entries: (OutboxEntry & { seq: number })[];
}

/** What the page shows: read in one transaction, so the parts agree with each other. */
export interface OutboxOverview {
  pending: number;
  dead: OutboxEntry[];
  paused: boolean;
  /** True while paused and no page has captured the pause yet. */
  pauseUnreported: boolean;
  /** The first pending entry, if any (its backoff tells the page when to wake the worker). */
  head: OutboxEntry | undefined;
}

/** Storage of one outbox. Every method rejects with an `OutboxStorageError` when IndexedDB fails. */
export interface OutboxStore {
  /**
   * Appends an entry at the end of the line; resolves with it (its `seq` set). Rejects with an
   * `OutboxKeyConflictError` (and stores nothing) when an entry it holds has the same
   * `Idempotency-Key` for a different request; `addIfWaiting` too.
   */
  readonly add: (entry: OutboxEntry) => Promise<OutboxEntry>;
  /**
   * Appends the entry only if others wait or the outbox is paused (then it must not overtake them);
   * resolves with it, or with `undefined` when the line is empty and it may be sent straight away.
   * One transaction, so no replay can empty the line between the check and the add.
   */
  readonly addIfWaiting: (entry: OutboxEntry) => Promise<OutboxEntry | undefined>;
  /** The first `limit` pending entries and the pause flag, in one transaction. */
  readonly line: (limit: number) => Promise<OutboxLine>;
  /** Counts, dead letters, pause flag and head, in one transaction. */
  readonly overview: () => Promise<OutboxOverview>;
  /**
   * Marks the dead letters no page has reported yet as reported, and resolves with them. One
   * read-write transaction: of several tabs asking at once, exactly one gets each letter.
   */
  readonly claimUnreported: () => Promise<OutboxEntry[]>;
  /** Replaces a stored entry (same `seq`). */
  readonly put: (entry: OutboxEntry) => Promise<void>;
  /** Removes an entry: only after the server answered 2xx. */
  readonly remove: (seq: number) => Promise<void>;
  /** Pauses (with what caused it) or resumes the outbox. */
  readonly setPaused: (paused: boolean, cause?: OutboxPause) => Promise<void>;
  /**
   * Marks the current pause as reported and resolves with its cause, or with `undefined` when it is
   * not paused or another page claimed it first (one read-write transaction, like `claimUnreported`).
   */
  readonly claimPause: () => Promise<OutboxPause | undefined>;
  /** Puts a dead letter back at the end of the line, attempts reset; false if there is no such dead letter. */
  readonly retry: (id: string) => Promise<boolean>;
  /** Deletes a dead letter for good; false if there is no such dead letter. */
  readonly discard: (id: string) => Promise<boolean>;
}

const DB_VERSION = 2;

const lineOf = (outbox: string, state: string) =>
  IDBKeyRange.bound([outbox, state, -Infinity], [outbox, state, Infinity]);

/** Where `openDB` comes from: `loadIdb` on the page (lazily, see load-idb.ts), a static import in the worker. */
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
        openDB<OutboxDb>(dbName, DB_VERSION, {
          upgrade(database, oldVersion, _newVersion, transaction) {
            if (oldVersion < 1) {
              const entries = database.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
              entries.createIndex('line', ['outbox', 'state', 'seq']);
              entries.createIndex('id', 'id', { unique: true });
              database.createObjectStore('outboxes', { keyPath: 'name' });
            }
            // Version 2: entries by Idempotency-Key, to refuse a second request under one key (F17).
            if (oldVersion < 2) transaction.objectStore('entries').createIndex('key', ['outbox', 'key']);
          },
          // Another context upgrading or deleting the database: let go, reopen on next use.
          blocking(_current, _next, event) {
            (event.target as IDBDatabase).close();
            db = undefined;
          },
          // The browser closed the connection (site data cleared, storage evicted): reopen on next use.
          terminated() {
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
      const database = await open();
      try {
        return await task(database);
      } catch (error) {
        // A connection closed under us (its `close` event may come later than this call): once more
        // on a fresh one. Other failures are not retried: a retried add could store an entry twice.
        if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
        db = undefined;
        return await task(await open());
      }
    } catch (error) {
      // Not a storage failure: the caller answers it as a refusal.
      if (error instanceof OutboxKeyConflictError) throw error;
      throw toStorageError(error);
    }
  };
  /** Refuses an entry whose app-supplied key an entry in this outbox holds for another request. */
  const checkKey = async (
    byKey: { getAll: (query: [string, string]) => Promise<OutboxEntry[]> },
    entry: OutboxEntry,
  ) => {
    if (entry.key === undefined) return;
    const holders = await byKey.getAll([outbox, entry.key]);
    const other = holders.find((held) => !sameRequest(held, entry));
    if (other) throw new OutboxKeyConflictError(other.id);
  };
  const deadById = async (database: IDBPDatabase<OutboxDb>, id: string) => {
    const entry = await database.getFromIndex('entries', 'id', id);
    return entry?.outbox === outbox && entry.state === 'dead' ? entry : undefined;
  };

  const withoutSeq = (entry: OutboxEntry) => {
    const fresh = { ...entry };
    delete fresh.seq; // IndexedDB numbers it.
    return fresh;
  };

  return {
    add: (entry) =>
      run(async (database) => {
        const tx = database.transaction('entries', 'readwrite');
        await checkKey(tx.store.index('key'), entry);
        const fresh = withoutSeq(entry);
        const [seq] = await Promise.all([tx.store.add(fresh), tx.done]);
        return { ...fresh, seq };
      }),
    addIfWaiting: (entry) =>
      run(async (database) => {
        const tx = database.transaction(['entries', 'outboxes'], 'readwrite');
        // A key cursor stops at the first pending entry: no count over the whole line.
        const [first, state] = await Promise.all([
          tx.objectStore('entries').index('line').openKeyCursor(lineOf(outbox, 'pending')),
          tx.objectStore('outboxes').get(outbox),
        ]);
        if (!first && !state?.paused) {
          await tx.done;
          return undefined;
        }
        await checkKey(tx.objectStore('entries').index('key'), entry);
        const fresh = withoutSeq(entry);
        const [seq] = await Promise.all([tx.objectStore('entries').add(fresh), tx.done]);
        return { ...fresh, seq };
      }),
    line: (limit) =>
      run(async (database) => {
        const tx = database.transaction(['entries', 'outboxes']);
        const [entries, state] = await Promise.all([
          tx.objectStore('entries').index('line').getAll(lineOf(outbox, 'pending'), limit),
          tx.objectStore('outboxes').get(outbox),
          tx.done,
        ]);
        return { paused: state?.paused ?? false, entries: entries as OutboxLine['entries'] };
      }),
    overview: () =>
      run(async (database) => {
        const tx = database.transaction(['entries', 'outboxes']);
        const line = tx.objectStore('entries').index('line');
        const [pending, dead, head, state] = await Promise.all([
          line.count(lineOf(outbox, 'pending')),
          line.getAll(lineOf(outbox, 'dead')),
          line.openCursor(lineOf(outbox, 'pending')).then((cursor) => cursor?.value),
          tx.objectStore('outboxes').get(outbox),
          tx.done,
        ]);
        const paused = state?.paused ?? false;
        return { pending, dead, head, paused, pauseUnreported: paused && !state?.reported };
      }),
    claimUnreported: () =>
      run(async (database) => {
        const tx = database.transaction('entries', 'readwrite');
        const dead = await tx.store.index('line').getAll(lineOf(outbox, 'dead'));
        const fresh = dead.filter((entry) => !entry.reported);
        await Promise.all([...fresh.map((entry) => tx.store.put({ ...entry, reported: true })), tx.done]);
        return fresh;
      }),
    put: (entry) =>
      run(async (database) => {
        await database.put('entries', entry);
      }),
    remove: (seq) => run((database) => database.delete('entries', seq)),
    setPaused: (paused, cause) =>
      run(async (database) => {
        await database.put('outboxes', { name: outbox, paused, cause });
      }),
    claimPause: () =>
      run(async (database) => {
        const tx = database.transaction('outboxes', 'readwrite');
        const state = await tx.store.get(outbox);
        if (!state?.paused || state.reported) return undefined;
        await Promise.all([tx.store.put({ ...state, reported: true }), tx.done]);
        // A pause stored by an older version has no cause: it can only have been a 401.
        return state.cause ?? { status: 401, url: '' };
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
        delete next.reported;
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
