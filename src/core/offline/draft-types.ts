import type { CaptureContext } from '../types';

/** Where drafts and checkpoints are kept, best first. */
export type DraftStorageKind = 'indexeddb' | 'localstorage' | 'memory';

/** Where a draft store keeps its data now, and why it fell back. */
export interface DraftStorageStatus {
  /** The storage in use: `indexeddb` until it fails, then `localstorage`, then `memory`. */
  readonly storage: DraftStorageKind;
  /** False for `memory`: a draft then lives only until this tab closes ("kept only until you close this tab"). */
  readonly persistent: boolean;
  /** Why the better storage was given up (e.g. `SecurityError: …`); absent on IndexedDB. */
  readonly reason?: string;
}

/** One stored draft (or checkpoint record). */
export interface DraftEntry<T = unknown> {
  readonly key: string;
  /** The value with secrets left out (see {@link DraftSaveOptions}). */
  readonly value: T;
  /** Epoch ms of the save. */
  readonly savedAt: number;
  /** The shape version the saver declared; a load with another version discards the entry. */
  readonly version: number | string;
  /** The id of the store (one per tab and store) that saved it. */
  readonly tab: string;
  /**
   * Paths of parts left out because the storage that kept this copy holds text only (a `File` or `Blob`
   * in localStorage: `['attachment']`); absent when nothing was left out. Recorded as `DRAFT_VALUE_DROPPED`.
   */
  readonly dropped?: readonly string[];
}

/** Which stored draft a save was made on top of: the `tab` and `savedAt` of a {@link DraftEntry}. */
export interface DraftRef {
  readonly tab: string;
  readonly savedAt: number;
}

/** Options of {@link DraftStore.save} and {@link DraftStore.stash}. */
export interface DraftSaveOptions {
  /** The shape version of `value`. @default 1 */
  version?: number | string;
  /**
   * More field names to leave out, besides those the redaction key rules call secret (password, token,
   * card number, CVC …). A string matches a key case-insensitively in any script, ignoring `-`, `_` and
   * spaces (in Chinese, Japanese or Thai also as a name's end); a RegExp is tested without `g`/`y`.
   * @default []
   */
  exclude?: readonly (string | RegExp)[];
  /** String values to leave out wherever they appear (e.g. the current values of password inputs). @default [] */
  excludeValues?: readonly string[];
  /**
   * The stored draft this save replaces, as the caller last saw it (`null`: it saw none). When another
   * tab's draft other than that one is stored (saved since, e.g. while this tab slept), the save is
   * refused and resolves `undefined`, so a tab never overwrites a draft it was not shown. Omitted: the
   * later save wins. Whatever is given, a store's own earlier save is always replaced.
   * @default undefined
   */
  basedOn?: DraftRef | null;
}

/** Options of {@link DraftStore.load}. */
export interface DraftLoadOptions {
  /** The version the caller can use; an entry of another version is discarded. @default 1 */
  version?: number | string;
  /** Older entries are discarded. ms. @default 604_800_000 (7 days) */
  maxAgeMs?: number;
}

/** What a store tells its subscribers. */
export type DraftStoreEvent =
  | { readonly type: 'status'; readonly status: DraftStorageStatus }
  /**
   * Another tab (or another store of this page) saved `key`. `final`: written by `stash`, the synchronous
   * write of a page (or form) going away, so that tab no longer holds the value on screen.
   */
  | {
      readonly type: 'saved-elsewhere';
      readonly key: string;
      readonly savedAt: number;
      readonly final?: true;
    }
  /** Another tab removed `key` (e.g. after a submit there). */
  | { readonly type: 'removed-elsewhere'; readonly key: string };

/** The capture function of a `Resilience` instance (or any function of that shape). */
export type DraftCapture = (error: unknown, context?: CaptureContext) => unknown;

/** Options for `createDraftStore`. */
export interface DraftStoreOptions {
  /**
   * The IndexedDB database, the localStorage key prefix and the BroadcastChannel are named after it;
   * two stores of one name share their data. @default 'bulwark-drafts'
   */
  name?: string;
  /** Where fallbacks and discarded drafts are recorded (a `Resilience`'s `capture`). @default none */
  capture?: DraftCapture;
  /** The IndexedDB factory; `null` skips IndexedDB. @default globalThis.indexedDB */
  indexedDB?: IDBFactory | null;
  /** The Web Storage for the first fallback; `null` skips it. @default globalThis.localStorage */
  localStorage?: Storage | null;
  /** Clock (epoch ms), for tests. @default Date.now */
  now?: () => number;
}

/**
 * Drafts and checkpoints kept across reloads and crashes: IndexedDB, else localStorage, else memory.
 * Every method resolves (a failing storage falls back to the next); none rejects on storage errors.
 */
export interface DraftStore {
  /**
   * Saves `value` (any structured-cloneable value) with secret fields left out. On localStorage, parts
   * text cannot hold (a `File`, a `Blob`, a function) are left out and recorded (`DRAFT_VALUE_DROPPED`);
   * the entry's `dropped` lists them. When another tab's newer save of `key` is stored (or, with
   * `basedOn`, any draft but that one), it is kept and this resolves `undefined`; otherwise with the
   * entry written. Rejects with `DataCloneError` when IndexedDB cannot clone the value.
   */
  save<T>(key: string, value: T, options?: DraftSaveOptions): Promise<DraftEntry<T> | undefined>;
  /**
   * Saves synchronously to localStorage (memory where there is none), for `pagehide`: Chromium drops
   * IndexedDB writes begun while a page is being torn down. `load` takes the newer of both copies.
   * Returns the entry written, or `undefined` when `basedOn` refused it (see {@link DraftSaveOptions.basedOn}).
   */
  stash<T>(key: string, value: T, options?: DraftSaveOptions): DraftEntry<T> | undefined;
  /**
   * The saved draft of `key`, or `undefined`. A draft of an older version (a lower number) or older than
   * `maxAgeMs` is deleted and recorded through `capture` (severity `info`, presentation `silent`), not
   * returned. A draft of a newer or unordered (string) version belongs to another deploy's tab: it is not
   * returned, and not deleted either (it expires by age).
   */
  load<T>(key: string, options?: DraftLoadOptions): Promise<DraftEntry<T> | undefined>;
  /** Deletes `key` everywhere (all storages and the stash). */
  remove(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`, unchecked (checkpoints use it). */
  list(prefix: string): Promise<DraftEntry[]>;
  /** Where data is kept now. A new object only when it changes. */
  status(): DraftStorageStatus;
  /** Tells `listener` of fallbacks and of saves in other tabs; returns the unsubscribe. */
  subscribe(listener: (event: DraftStoreEvent) => void): () => void;
  /** Closes the database connection and the channel. */
  close(): void;
}

/** One storage behind a draft store (internal: the store chains them). */
export interface DraftBackend {
  readonly kind: DraftStorageKind;
  get(key: string): Promise<DraftEntry | undefined>;
  /**
   * Writes `entry` when `accepts` says so of the entry of its key stored now (read and written in one
   * step, so no other tab's save slips in between); resolves whether it wrote.
   */
  put(entry: DraftEntry, accepts: (current: DraftEntry | undefined) => boolean): Promise<boolean>;
  delete(key: string): Promise<void>;
  list(prefix: string): Promise<DraftEntry[]>;
  close(): void;
}
