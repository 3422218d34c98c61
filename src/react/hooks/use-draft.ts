import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type RefObject,
} from 'react';
import { createDraftStore } from '../../core/offline/draft-store';
import { safeTimeout } from '../../core/safe-timeout';
import type { DraftEntry, DraftRef, DraftStorageStatus, DraftStore } from '../../core/offline/draft-types';
import { createSecretInputTracker } from '../forms/secret-input-tracker';
import { useOptionalResilience } from '../resilience-context';

/** @see UseDraftOptions.intervalMs */
export const DEFAULT_DRAFT_INTERVAL_MS = 5_000;

/** Options of {@link useDraft}. */
export interface UseDraftOptions<T> {
  /** Saves happen at most this often while the value changes (and always on `pagehide` and when hidden). ms. @default 5000 */
  intervalMs?: number;
  /** The shape version of the value; a draft of another version is discarded, not offered. @default 1 */
  version?: number | string;
  /** Older drafts are discarded, not offered. ms. @default 604_800_000 (7 days) */
  maxAgeMs?: number;
  /** More fields to leave out, besides secret names (password, token, card number, CVC …). @default [] */
  exclude?: readonly (string | RegExp)[];
  /**
   * The form whose secret fields are left out: their `name`/`id` as keys, and their current values
   * wherever they appear in the draft. A field is secret when it is, or ever was while this hook was
   * mounted, an `<input type="password">` (so a password shown with an eye toggle stays out), or has
   * `autocomplete` `current-password`, `new-password`, `one-time-code` or any `cc-*` token.
   * @default the whole document
   */
  form?: RefObject<HTMLFormElement | null>;
  /** Where drafts are kept. @default a `createDraftStore()` per hook, reporting to the provider's `capture` */
  store?: DraftStore;
  /** Called by `restore()` with the draft's value (secret fields are absent from it: merge it into the form). */
  onRestore?: (value: T) => void;
}

/** A draft offered to the user: never applied without asking. */
export interface RestorableDraft<T> {
  readonly value: T;
  /** Epoch ms. */
  readonly savedAt: number;
  /** `earlier-visit`: found on mount; `other-tab`: another tab saved a newer draft of the same key. */
  readonly source: 'earlier-visit' | 'other-tab';
  /** Paths of parts the storage could not keep (a `File` in the localStorage copy); absent when none. */
  readonly dropped?: readonly string[];
}

/** Where the draft is kept, and how the last save went. */
export interface DraftStatus extends DraftStorageStatus {
  /**
   * `conflict`: another tab saved a newer draft of this key, offered as `restorable` (`other-tab`); this
   * page does not save over it until the user answers (`restore()` or `discard()`).
   */
  readonly state: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
}

/** What {@link useDraft} returns. */
export interface UseDraftResult<T> {
  /** A draft from an earlier visit or another tab, to offer (e.g. with `<DraftRestorePrompt>`). */
  readonly restorable: RestorableDraft<T> | undefined;
  /** Takes the offered draft: calls `onRestore` and returns its value (`undefined` when none is offered). */
  restore: () => T | undefined;
  /**
   * Declines the offer: a draft from an earlier visit is deleted; another tab's newer draft is replaced
   * by this page's value ("Keep this version"), saved now.
   */
  discard: () => void;
  /** Deletes the draft; call it after a successful submit. */
  clear: () => Promise<void>;
  /** Epoch ms of this page's last save, or `undefined`. */
  readonly savedAt: number | undefined;
  readonly status: DraftStatus;
}

const NOT_SAVED = Symbol('not saved');

/** The status before the store has opened (and during a server render). */
const OPENING: DraftStorageStatus = { storage: 'indexeddb', persistent: true };

const sameRef = (a: DraftRef | null | undefined, b: DraftRef | null | undefined): boolean =>
  !!a && !!b && a.tab === b.tab && a.savedAt === b.savedAt;
const refOf = (entry: DraftEntry | undefined): DraftRef | null =>
  entry ? { tab: entry.tab, savedAt: entry.savedAt } : null;

const same = (a: unknown, b: unknown): boolean => {
  try {
    return a === b || JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
};

/**
 * Autosaves a form's `value` under `key` so a crash, a closed tab or a reload loses at most a few
 * seconds, and offers the draft back on the next visit. Password inputs and secret field names are
 * never saved. A value equal to the first one rendered (an empty form) is not saved.
 *
 * @example
 * const [form, setForm] = useState({ title: '', body: '' });
 * const draft = useDraft('post:new', form, { onRestore: (saved) => setForm((f) => ({ ...f, ...saved })) });
 * // <DraftRestorePrompt draft={draft} /> … on submit: await send(form); await draft.clear();
 */
export function useDraft<T>(key: string, value: T, options: UseDraftOptions<T> = {}): UseDraftResult<T> {
  const resilience = useOptionalResilience();
  const [ownStore, setOwnStore] = useState<DraftStore>();
  const store = options.store ?? ownStore;
  const [state, setState] = useState<DraftStatus['state']>('idle');
  const [savedAt, setSavedAt] = useState<number>();
  const [restorable, setRestorable] = useState<RestorableDraft<T>>();
  const valueRef = useRef(value);
  const initial = useRef(value);
  // The value last handed to storage; `NOT_SAVED` after a failed save, so the next save (pagehide) retries.
  const saved = useRef<unknown>(value);
  const optionsRef = useRef(options);
  const lastWrite = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<() => void>(undefined);
  const savedHere = useRef(false);
  // The stored draft this page's saves replace (see DraftSaveOptions.basedOn): the one offered on mount,
  // its own last save, or one the user answered. `undefined` until the first load: saves are unguarded.
  const base = useRef<DraftRef | null>(undefined);
  // Another tab's newer draft, offered and not answered: saves wait (status `conflict`).
  const pending = useRef<DraftRef>(undefined);
  const [secrets] = useState(createSecretInputTracker);
  const offered = useRef<DraftEntry<T>>(undefined);
  // Set by the offer effect below (it owns the load); called when a save was refused.
  const conflict = useRef<() => void>(() => undefined);
  useEffect(() => {
    valueRef.current = value;
    optionsRef.current = options;
  });
  // Another key is another record (post 1 → post 2 in one component): its first value is its
  // baseline, and the previous key's offer is not its own. (The previous key's unsaved change was
  // stashed by the pagehide effect's cleanup, which ran before this.)
  const shownKey = useRef(key);
  useEffect(() => {
    if (shownKey.current === key) return;
    shownKey.current = key;
    timer.current?.();
    timer.current = undefined;
    initial.current = valueRef.current;
    saved.current = valueRef.current;
    savedHere.current = false;
    base.current = undefined;
    pending.current = undefined;
    offered.current = undefined;
    lastWrite.current = Number.NEGATIVE_INFINITY;
    setRestorable(undefined);
    setSavedAt(undefined);
    setState('idle');
  }, [key]);

  // Created in an effect, not during render: no storage is touched on the server.
  const external = options.store;
  useEffect(() => {
    if (external) return undefined;
    const created = createDraftStore({ capture: resilience?.capture });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store opens storage, which must not happen during a server render
    setOwnStore(created);
    return () => created.close();
  }, [external, resilience]);

  const save = useCallback(
    (urgent: boolean) => {
      timer.current?.();
      timer.current = undefined;
      const current = valueRef.current;
      if (!store || pending.current || same(current, saved.current)) return;
      saved.current = current;
      if (same(current, initial.current)) return;
      const { version, exclude = [], form } = optionsRef.current;
      const secret = secrets.read(form ? form.current : typeof document === 'undefined' ? null : document);
      const saveOptions = {
        version,
        exclude: [...exclude, ...secret.names],
        excludeValues: secret.values,
        basedOn: base.current,
      };
      lastWrite.current = Date.now();
      if (urgent) {
        // The page is going away: only a synchronous write is sure to land (see DraftStore.stash).
        const entry = store.stash(key, current, saveOptions);
        if (entry) base.current = refOf(entry);
        return;
      }
      setState('saving');
      store.save(key, current, saveOptions).then(
        (entry) => {
          if (!entry) {
            // Another tab saved since the draft this page last saw (perhaps while it slept): offer theirs.
            if (saved.current === current) saved.current = NOT_SAVED;
            setState('idle');
            conflict.current();
            return;
          }
          savedHere.current = true;
          base.current = refOf(entry);
          setSavedAt(entry.savedAt);
          setState('saved');
        },
        (error: unknown) => {
          if (saved.current === current) saved.current = NOT_SAVED;
          setState('error');
          resilience?.capture(error, { source: 'drafts', userAction: 'save draft', presentation: 'silent' });
        },
      );
    },
    [store, key, resilience, secrets],
  );

  const subscribeStatus = useCallback(
    (onChange: () => void) =>
      store?.subscribe((event) => {
        if (event.type === 'status') onChange();
      }) ?? (() => undefined),
    [store],
  );
  const storage = useSyncExternalStore(
    subscribeStatus,
    () => store?.status() ?? OPENING,
    () => OPENING,
  );

  // Offer the draft found on mount; hear saves in other tabs, and look again when the page wakes up
  // (a message sent while it was frozen or in the back/forward cache may never arrive).
  useEffect(() => {
    if (!store) return undefined;
    let live = true;
    const { version, maxAgeMs } = optionsRef.current;
    // `heard`: a save announced by another tab. When it is the draft offered on mount (found while
    // that tab was saving it), it is relabelled `other-tab`; otherwise what this page built on is not news.
    const offer = (source: RestorableDraft<T>['source'], heard = false) =>
      store.load<T>(key, { version, maxAgeMs }).then(
        async (entry) => {
          if (!live) return;
          if (source === 'earlier-visit') base.current = refOf(entry);
          else if (entry && sameRef(entry, base.current) && !(heard && sameRef(entry, offered.current)))
            return;
          if (!entry) {
            // Refused, yet nothing this form can load (removed, or another deploy's version): replace it.
            if (source === 'other-tab' && base.current !== undefined)
              base.current = refOf((await store.list(key)).find((e) => e.key === key));
            return;
          }
          if (source === 'other-tab') {
            pending.current = refOf(entry) ?? undefined;
            setState('conflict');
          }
          const { value, savedAt, dropped } = entry;
          setRestorable({ value, savedAt, source, ...(dropped ? { dropped } : {}) });
          offered.current = entry;
        },
        () => undefined,
      );
    void offer('earlier-visit');
    conflict.current = () => void offer('other-tab');
    const unsubscribe = store.subscribe((event) => {
      if (event.type === 'status' || event.key !== key) return;
      else if (event.type === 'saved-elsewhere') void offer('other-tab', true);
      else {
        base.current = null;
        pending.current = undefined;
        setState((now) => (now === 'conflict' ? 'idle' : now));
        setRestorable((shown) => (shown?.source === 'other-tab' ? undefined : shown));
      }
    });
    const wake = () => {
      if (document.visibilityState === 'visible' && base.current !== undefined) void offer('other-tab');
    };
    document.addEventListener('visibilitychange', wake);
    document.addEventListener('resume', wake);
    addEventListener('pageshow', wake);
    return () => {
      live = false;
      conflict.current = () => undefined;
      unsubscribe();
      document.removeEventListener('visibilitychange', wake);
      document.removeEventListener('resume', wake);
      removeEventListener('pageshow', wake);
    };
  }, [store, key]);

  // Save at most every intervalMs while the value changes.
  const intervalMs = options.intervalMs ?? DEFAULT_DRAFT_INTERVAL_MS;
  useEffect(() => {
    if (!store || timer.current !== undefined || same(value, saved.current)) return;
    const delay = Math.max(0, lastWrite.current + intervalMs - Date.now());
    timer.current = safeTimeout(() => save(false), delay);
  }, [value, store, intervalMs, save]);

  // Notice a password field made visible (eye toggle) before the next save reads the form.
  useEffect(() => {
    const form = optionsRef.current.form;
    const root = form ? form.current : document;
    if (!root || typeof MutationObserver !== 'function') return undefined;
    secrets.read(root);
    return secrets.watch(root);
  }, [secrets]);

  // Always on pagehide, when the tab is hidden, and when the form goes away.
  useEffect(() => {
    const onPageHide = () => save(true);
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save(false);
    };
    addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      save(true);
    };
  }, [save]);

  /** The user answered the offer: this page now builds on that draft. */
  const answer = useCallback(() => {
    if (offered.current) base.current = refOf(offered.current);
    offered.current = undefined;
    pending.current = undefined;
    setRestorable(undefined);
    setState((now) => (now === 'conflict' ? 'idle' : now));
  }, []);

  const restore = useCallback(() => {
    if (!restorable) return undefined;
    answer();
    // The form takes this value: it is what storage holds, nothing of it to save again.
    saved.current = restorable.value;
    optionsRef.current.onRestore?.(restorable.value);
    return restorable.value;
  }, [restorable, answer]);

  const discard = useCallback(() => {
    answer();
    if (restorable?.source === 'other-tab') {
      // "Keep this version": the user chose to replace the other tab's draft with this page's value.
      if (saved.current === valueRef.current) saved.current = NOT_SAVED;
      save(false);
    }
    // Deleted only while it is still the stored one: a save from this page has replaced it already.
    else if (restorable?.source === 'earlier-visit' && !savedHere.current)
      void store?.remove(key).catch(() => undefined);
  }, [restorable, store, key, save, answer]);

  const clear = useCallback(async () => {
    timer.current?.();
    timer.current = undefined;
    saved.current = valueRef.current;
    setRestorable(undefined);
    setSavedAt(undefined);
    setState('idle');
    await store?.remove(key);
  }, [store, key]);

  const status = useMemo(() => ({ ...storage, state }), [storage, state]);
  return { restorable, restore, discard, clear, savedAt, status };
}
