import { AppError } from '../errors/app-error';
import { createListeners } from '../policies/listeners';
import { refillDraftBlobs } from './draft-blob-refill';
import { omitDraftSecrets } from './draft-secrets';
import { openIdbDraftBackend } from './draft-idb-backend';
import { createMemoryDraftBackend } from './draft-memory-backend';
import { createWebStorageDraftBackend, probeWebStorage } from './draft-web-storage-backend';
import type {
  DraftBackend,
  DraftEntry,
  DraftSaveOptions,
  DraftStorageKind,
  DraftStorageStatus,
  DraftStore,
  DraftStoreEvent,
  DraftStoreOptions,
} from './draft-types';

/** @see DraftStoreOptions.name */
export const DEFAULT_DRAFT_STORE_NAME = 'bulwark-drafts';
/** @see DraftLoadOptions.maxAgeMs: 7 days. */
// A literal: esbuild keeps a top-level product it cannot fold, in every bundle.
export const DEFAULT_DRAFT_MAX_AGE_MS = 604_800_000;
/** @see DraftSaveOptions.version */
export const DEFAULT_DRAFT_VERSION = 1;

type Message =
  | { type: 'saved'; key: string; savedAt: number; tab: string; final?: boolean }
  | { type: 'removed'; key: string; tab: string };

const describe = (error: unknown): string =>
  error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);

/** The caller's value cannot be stored anywhere (a function, a cycle on localStorage, a BigInt …). */
const isBadValue = (error: unknown): boolean =>
  (error instanceof DOMException || error instanceof Error) &&
  (error.name === 'DataCloneError' || error.name === 'TypeError');

/**
 * Creates the store behind drafts and checkpoints: IndexedDB, else localStorage, else memory. Each
 * fallback is recorded once through `capture` (severity `warning`, presentation `silent`, code
 * `DRAFT_STORAGE_FALLBACK`) and shows in `status()`, so the app can say "your draft is kept only until
 * you close this tab". Secret fields are left out of every save (see {@link omitDraftSecrets}).
 * Touches no browser global until called.
 *
 * @example
 * const drafts = createDraftStore({ capture: resilience.capture });
 * await drafts.save('comment:42', { body: 'Half a thought' });
 * const draft = await drafts.load<{ body: string }>('comment:42'); // { value: { body: 'Half a thought' }, savedAt, … }
 */
export function createDraftStore(options: DraftStoreOptions = {}): DraftStore {
  const name = options.name ?? DEFAULT_DRAFT_STORE_NAME;
  const now = options.now ?? Date.now;
  const capture = options.capture;
  const tab =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${now()}-${Math.random()}`;
  const listeners = createListeners<DraftStoreEvent>();
  const factory = options.indexedDB === undefined ? readGlobal('indexedDB') : options.indexedDB;
  const storage = options.localStorage === undefined ? readGlobal('localStorage') : options.localStorage;
  const local = storage
    ? createWebStorageDraftBackend(storage, name, (key, paths) =>
        record(
          new AppError('Parts of a draft could not be kept in localStorage', {
            code: 'DRAFT_VALUE_DROPPED',
            severity: 'warning',
            context: { key, paths: paths.join(', '), name },
          }),
        ),
      )
    : undefined;
  const memory = createMemoryDraftBackend();
  let localUsable: boolean | undefined;
  let status: DraftStorageStatus = { storage: 'indexeddb', persistent: true };
  // Set to the opening IndexedDB below; a fallback replaces it.
  let active: Promise<DraftBackend> = Promise.resolve(memory);
  // A storage given up because a write failed (quota) still holds what was saved before: read it too.
  let retired: DraftBackend | undefined;

  const record = (error: AppError) => {
    try {
      capture?.(error, { source: 'drafts', presentation: 'silent' });
    } catch {
      // A broken capture must not lose the draft.
    }
  };

  /** localStorage when it can be written (probed once), else `undefined`. */
  const usableLocal = () => {
    if (!local || !storage) return undefined;
    if (localUsable === undefined) {
      try {
        probeWebStorage(storage, name);
        localUsable = true;
      } catch {
        localUsable = false;
      }
    }
    return localUsable ? local : undefined;
  };

  /** Leaves `from` for the next storage; reported once per storage given up. */
  const fallBack = (from: DraftStorageKind, error: unknown, failed?: DraftBackend): DraftBackend => {
    if (failed?.kind === 'indexeddb') retired = failed;
    const next: DraftBackend = (from === 'indexeddb' && usableLocal()) || memory;
    if (status.storage !== next.kind) {
      status = { storage: next.kind, persistent: next.kind !== 'memory', reason: describe(error) };
      record(
        new AppError(`Drafts are kept in ${next.kind}: ${from} is unavailable`, {
          code: 'DRAFT_STORAGE_FALLBACK',
          severity: 'warning',
          context: { from, to: next.kind, name },
          cause: error,
        }),
      );
      listeners.emit({ type: 'status', status });
    }
    active = Promise.resolve(next);
    return next;
  };

  const open = (): Promise<DraftBackend> => {
    if (!factory) return Promise.resolve(fallBack('indexeddb', new Error('IndexedDB is not available')));
    try {
      return openIdbDraftBackend(factory, name).catch((error: unknown) => fallBack('indexeddb', error));
    } catch (error) {
      // Some browsers throw from `indexedDB.open` itself (SecurityError in sandboxed frames).
      return Promise.resolve(fallBack('indexeddb', error));
    }
  };
  active = open();

  /** Runs `op` on the active storage, falling back while a storage fails; bad values reject. */
  let closed = false;
  const withBackend = async <T>(op: (backend: DraftBackend) => Promise<T>): Promise<T> => {
    for (;;) {
      // A closed store is not a failing storage: no fallback, no record.
      if (closed) throw new Error(`Draft store ${name} is closed`);
      const backend = await active;
      try {
        return await op(backend);
      } catch (error) {
        if (backend.kind === 'memory' || isBadValue(error)) throw error;
        fallBack(backend.kind, error, backend);
      }
    }
  };

  let channel: BroadcastChannel | undefined;
  const openChannel = () => {
    if (!channel && typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(name);
      channel.onmessage = (event: MessageEvent<Message>) => {
        const data = event.data;
        if (data.tab === tab) return;
        listeners.emit(
          data.type === 'saved'
            ? {
                type: 'saved-elsewhere',
                key: data.key,
                savedAt: data.savedAt,
                ...(data.final ? { final: true } : {}),
              }
            : { type: 'removed-elsewhere', key: data.key },
        );
      };
    }
    return channel;
  };
  const post = (message: Message) => openChannel()?.postMessage(message);

  const entryFor = <T>(
    key: string,
    value: T,
    saveOptions: Parameters<DraftStore['save']>[2] = {},
  ): DraftEntry<T> => ({
    key,
    value: omitDraftSecrets(value, saveOptions),
    savedAt: now(),
    version: saveOptions.version ?? DEFAULT_DRAFT_VERSION,
    tab,
  });

  /** The stash copies of `key` outside the active storage (localStorage, memory). */
  const stashed = (kind: DraftStorageKind, key: string): DraftEntry[] => {
    const copies: DraftEntry[] = [];
    const copy = kind === 'localstorage' ? undefined : usableLocal()?.getSync(key);
    if (copy) copies.push(copy);
    return copies;
  };
  /** `op` on the IndexedDB given up mid-session, if any; a failing read there is no loss. */
  const fromRetired = async <T>(op: (backend: DraftBackend) => Promise<T>): Promise<T | undefined> => {
    try {
      return retired ? await op(retired) : undefined;
    } catch {
      return undefined;
    }
  };
  const dropStash = (kind: DraftStorageKind, key: string, upTo: number) => {
    const stash = kind === 'localstorage' ? undefined : usableLocal();
    const copy = stash?.getSync(key);
    if (copy && copy.savedAt <= upTo) stash?.deleteSync(key);
  };
  const newest = (entries: readonly (DraftEntry | undefined)[]): DraftEntry | undefined =>
    entries.reduce<DraftEntry | undefined>(
      (best, e) => (e && (!best || e.savedAt > best.savedAt) ? e : best),
      undefined,
    );
  /**
   * Whether `entry` may replace `current` (the copy in the storage written to): a store's own earlier
   * save always (even after its clock went back); with `basedOn`, only the draft the caller last saw,
   * looking at the `pagehide` copy too; without it, an older one.
   */
  const accepts =
    (entry: DraftEntry, basedOn: DraftSaveOptions['basedOn'], kind: DraftStorageKind) =>
    (current: DraftEntry | undefined): boolean => {
      const top = basedOn === undefined ? current : newest([current, ...stashed(kind, entry.key)]);
      if (!top || top.tab === entry.tab) return true;
      if (basedOn === undefined) return top.savedAt <= entry.savedAt;
      return basedOn !== null && top.tab === basedOn.tab && top.savedAt === basedOn.savedAt;
    };

  const store: DraftStore = {
    async save(key, value, saveOptions) {
      const entry = entryFor(key, value, saveOptions);
      let kind = 'memory' as DraftStorageKind;
      const wrote = await withBackend((backend) => {
        kind = backend.kind;
        return backend.put(entry, accepts(entry, saveOptions?.basedOn, backend.kind));
      });
      if (!wrote) return undefined;
      dropStash(kind, key, entry.savedAt);
      post({ type: 'saved', key, savedAt: entry.savedAt, tab });
      return entry;
    },
    stash(key, value, saveOptions) {
      const entry = entryFor(key, value, saveOptions);
      const target = usableLocal();
      const check = accepts(entry, saveOptions?.basedOn, target ? 'localstorage' : 'memory');
      let wrote: boolean | undefined;
      try {
        wrote = target?.putSync(entry, check);
      } catch (error) {
        if (isBadValue(error)) throw error;
      }
      // Memory only helps while this document lives (e.g. a tab hidden, then shown again).
      if (wrote === undefined) wrote = memory.putSync(entry, check);
      if (!wrote) return undefined;
      post({ type: 'saved', key, savedAt: entry.savedAt, tab, final: true });
      return entry;
    },
    async load(key, loadOptions = {}) {
      const { version = DEFAULT_DRAFT_VERSION, maxAgeMs = DEFAULT_DRAFT_MAX_AGE_MS } = loadOptions;
      let kind = 'memory' as DraftStorageKind;
      const stored = await withBackend((backend) => {
        kind = backend.kind;
        return backend.get(key);
      });
      const fromIdb = [kind === 'indexeddb' ? stored : undefined, await fromRetired((b) => b.get(key))];
      const stash = stashed(kind, key);
      let entry = newest([
        stored,
        ...fromIdb,
        ...stash,
        kind === 'memory' ? undefined : await memory.get(key),
      ]);
      if (!entry) return undefined;
      // The pagehide copy (text) had to leave Files out: take them back from the IndexedDB copy they are in.
      if (entry.dropped && stash.includes(entry))
        entry = refillDraftBlobs(entry, usableLocal()?.droppedBlobs(key) ?? [], newest(fromIdb));
      const reason =
        entry.version !== version ? 'incompatible' : now() - entry.savedAt > maxAgeMs ? 'expired' : undefined;
      if (!reason) return entry as DraftEntry<never>;
      // A newer version (or one that cannot be ordered) is another deploy's tab's draft: not ours to delete.
      const older =
        typeof entry.version === 'number' && typeof version === 'number' && entry.version < version;
      if (reason === 'incompatible' && !older) return undefined;
      await store.remove(key);
      record(
        new AppError(`A ${reason} draft was discarded`, {
          code: 'DRAFT_DISCARDED',
          severity: 'info',
          context: { key, reason, savedAt: entry.savedAt, version: entry.version, expected: version },
        }),
      );
      return undefined;
    },
    async remove(key) {
      await withBackend((backend) => backend.delete(key));
      await fromRetired((backend) => backend.delete(key));
      usableLocal()?.deleteSync(key);
      await memory.delete(key);
      post({ type: 'removed', key, tab });
    },
    async list(prefix) {
      let kind = 'memory' as DraftStorageKind;
      const entries = await withBackend((backend) => {
        kind = backend.kind;
        return backend.list(prefix);
      });
      const extra = [
        ...((await fromRetired((backend) => backend.list(prefix))) ?? []),
        ...((kind === 'localstorage' ? undefined : await usableLocal()?.list(prefix)) ?? []),
        ...(kind !== 'memory' ? await memory.list(prefix) : []),
      ];
      const byKey = new Map<string, DraftEntry>();
      for (const entry of [...entries, ...extra]) {
        const best = newest([byKey.get(entry.key), entry]);
        if (best) byKey.set(entry.key, best);
      }
      return [...byKey.values()];
    },
    status: () => status,
    subscribe(listener) {
      // Open the channel now, so saves in other tabs are heard before this tab saves anything.
      openChannel();
      return listeners.add(listener);
    },
    close() {
      closed = true;
      channel?.close();
      channel = undefined;
      void active.then((backend) => backend.close());
      retired?.close();
    },
  };
  return store;
}

function readGlobal<K extends 'indexedDB' | 'localStorage'>(name: K): (typeof globalThis)[K] | null {
  try {
    return (globalThis as Partial<typeof globalThis>)[name] ?? null;
  } catch {
    // Reading it throws where storage is blocked (sandboxed frames, some privacy settings).
    return null;
  }
}
