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
import { draftSideKey, draftSidePrefix } from '../../core/offline/draft-side-key';
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
  /**
   * `earlier-visit`: found on mount; `other-tab`: another tab saved a newer draft of the same key;
   * `other-version`: the typing of a tab that had such a conflict open and closed without answering it
   * (kept beside the draft, never over it), found on mount or heard when that tab went away.
   */
  readonly source: 'earlier-visit' | 'other-tab' | 'other-version';
  /** Paths of parts the storage could not keep (a `File` in the localStorage copy); absent when none. */
  readonly dropped?: readonly string[];
  /** How many more drafts wait to be offered, one after another, once this one is answered; absent when none. */
  readonly more?: number;
}

/** Where the draft is kept, and how the last save went. */
export interface DraftStatus extends DraftStorageStatus {
  /**
   * `conflict`: another tab saved a newer draft of this key, offered as `restorable` (`other-tab`); this
   * page does not save over it until the user answers (`restore()` or `discard()`), and keeps its own
   * typing in a side copy meanwhile (offered as `other-version` if this page closes without an answer).
   */
  readonly state: 'idle' | 'saving' | 'saved' | 'error' | 'conflict';
}

/** What {@link useDraft} returns. */
export interface UseDraftResult<T> {
  /** A draft from an earlier visit or another tab, to offer (e.g. with `<DraftRestorePrompt>`). */
  readonly restorable: RestorableDraft<T> | undefined;
  /**
   * Takes the offered draft: calls `onRestore` and returns its value (`undefined` when none is offered).
   * The next waiting draft, if any (`more`), is offered then.
   */
  restore: () => T | undefined;
  /**
   * Declines the offer: a draft from an earlier visit, or another version, is deleted; another tab's
   * newer draft is replaced by this page's value ("Keep this version"), saved now. The next waiting
   * draft, if any, is offered then.
   */
  discard: () => void;
  /** Deletes the draft and every other version of it; call it after a successful submit. */
  clear: () => Promise<void>;
  /** Epoch ms of this page's last save, or `undefined`. */
  readonly savedAt: number | undefined;
  readonly status: DraftStatus;
}

const NOT_SAVED = Symbol('not saved');

/** A draft waiting to be offered: the main draft of the key, or a side copy of it (`other-version`). */
interface Offer<T> {
  readonly entry: DraftEntry<T>;
  readonly source: RestorableDraft<T>['source'];
}
/** Another tab's newer draft first (this page waits on it), then the newest. */
const byUrgency = <T>(a: Offer<T>, b: Offer<T>) =>
  Number(b.source === 'other-tab') - Number(a.source === 'other-tab') || b.entry.savedAt - a.entry.savedAt;
const newId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`;

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
  // A draft of this key offered and not answered, which saves must not replace: another tab's newer one
  // (`conflict`), or the one still offered after the user restored another version. Saves go to this
  // page's side copy meanwhile.
  const pending = useRef<DraftRef>(undefined);
  const [secrets] = useState(createSecretInputTracker);
  // Drafts to offer, the first one shown (`restorable`); the ref is read by callbacks between renders.
  const [offers, setOfferState] = useState<readonly Offer<T>[]>([]);
  const offersRef = useRef(offers);
  const setOffers = useCallback((next: (now: readonly Offer<T>[]) => readonly Offer<T>[]) => {
    offersRef.current = [...next(offersRef.current)].sort(byUrgency);
    setOfferState(offersRef.current);
  }, []);
  // This page's side copy, written while a conflict is open, and whether one is stored now.
  const [sideId] = useState(newId);
  const sideKey = draftSideKey(key, sideId);
  const sideStored = useRef(false);
  // Other versions restored into the form: their copies go once this page's next save has landed.
  const retire = useRef<string[]>([]);
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
    sideStored.current = false;
    retire.current = [];
    lastWrite.current = Number.NEGATIVE_INFINITY;
    setOffers(() => []);
    setSavedAt(undefined);
    setState('idle');
  }, [key, setOffers]);

  // Created in an effect, not during render: no storage is touched on the server.
  const external = options.store;
  useEffect(() => {
    if (external) return undefined;
    const created = createDraftStore({ capture: resilience?.capture });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the store opens storage, which must not happen during a server render
    setOwnStore(created);
    return () => created.close();
  }, [external, resilience]);

  /** After a save of this page landed: its side copy (if the save was not one) and retired versions go. */
  const landed = useCallback(
    (side: boolean) => {
      const gone = retire.current.splice(0);
      if (!side && sideStored.current) {
        sideStored.current = false;
        gone.push(sideKey);
      }
      for (const old of gone) void store?.remove(old).catch(() => undefined);
    },
    [store, sideKey],
  );

  const save = useCallback(
    (urgent: boolean) => {
      timer.current?.();
      timer.current = undefined;
      const current = valueRef.current;
      const side = pending.current !== undefined;
      // Leaving with a conflict open: the side copy is written again, even unchanged, so that other tabs
      // hear (a `final` save) that it stays behind, and offer it.
      const leaving = urgent && side && sideStored.current;
      if (!store || (!leaving && same(current, saved.current))) return;
      saved.current = current;
      if (!leaving && same(current, initial.current)) return;
      const { version, exclude = [], form } = optionsRef.current;
      const secret = secrets.read(form ? form.current : typeof document === 'undefined' ? null : document);
      const saveOptions = {
        version,
        exclude: [...exclude, ...secret.names],
        excludeValues: secret.values,
        // The side copy is this page's alone: nothing to compare it with.
        ...(side ? {} : { basedOn: base.current }),
      };
      const target = side ? sideKey : key;
      lastWrite.current = Date.now();
      if (urgent) {
        // The page is going away: only a synchronous write is sure to land (see DraftStore.stash).
        const entry = store.stash(target, current, saveOptions);
        if (entry && side) sideStored.current = true;
        else if (entry) base.current = refOf(entry);
        if (entry) landed(side);
        return;
      }
      if (!side) setState('saving');
      store.save(target, current, saveOptions).then(
        (entry) => {
          if (side) {
            // The conflict stays open (`conflict`); this page's typing is kept beside the other draft.
            if (entry) sideStored.current = true;
            if (entry) setSavedAt(entry.savedAt);
            if (entry) landed(true);
            return;
          }
          if (!entry) {
            // Another tab saved since the draft this page last saw (perhaps while it slept): offer theirs.
            if (saved.current === current) saved.current = NOT_SAVED;
            setState('idle');
            conflict.current();
            return;
          }
          savedHere.current = true;
          base.current = refOf(entry);
          landed(false);
          setSavedAt(entry.savedAt);
          setState('saved');
        },
        (error: unknown) => {
          if (saved.current === current) saved.current = NOT_SAVED;
          if (!side) setState('error');
          resilience?.capture(error, { source: 'drafts', userAction: 'save draft', presentation: 'silent' });
        },
      );
    },
    [store, key, sideKey, resilience, secrets, landed],
  );
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

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
    const mainOffer = () => offersRef.current.find((o) => o.entry.key === key)?.entry;
    // `heard`: a save announced by another tab. When it is the draft offered on mount (found while
    // that tab was saving it), it is relabelled `other-tab`; otherwise what this page built on is not news.
    const offer = (source: RestorableDraft<T>['source'], heard = false) =>
      store.load<T>(key, { version, maxAgeMs }).then(
        async (entry) => {
          if (!live) return;
          if (source === 'earlier-visit') base.current = refOf(entry);
          else if (entry && sameRef(entry, base.current) && !(heard && sameRef(entry, mainOffer()))) return;
          if (!entry) {
            // Refused, yet nothing this form can load (removed, or another deploy's version): replace it.
            if (source === 'other-tab' && base.current !== undefined)
              base.current = refOf((await store.list(key)).find((e) => e.key === key));
            return;
          }
          setOffers((now) => [{ entry, source }, ...now.filter((o) => o.entry.key !== key)]);
          if (source === 'other-tab') {
            pending.current = refOf(entry) ?? undefined;
            setState('conflict');
            // Typing not yet stored (or just refused) goes to the side copy now.
            if (!same(valueRef.current, saved.current)) saveRef.current(false);
          }
        },
        () => undefined,
      );
    // Side copies other tabs left behind (all of them on mount, or the one just heard of).
    const offerOthers = async (only?: string) => {
      const keys = only ? [only] : (await store.list(draftSidePrefix(key))).map((e) => e.key);
      for (const other of keys) {
        if (other === sideKey) continue;
        // Loaded one by one: an expired or older-version copy is discarded (and recorded) here.
        const entry = await store.load<T>(other, { version, maxAgeMs });
        if (!live || !entry) continue;
        setOffers((now) => [...now.filter((o) => o.entry.key !== other), { entry, source: 'other-version' }]);
      }
    };
    void offer('earlier-visit').then(() => offerOthers().catch(() => undefined));
    conflict.current = () => void offer('other-tab');
    const unsubscribe = store.subscribe((event) => {
      if (event.type === 'status') return;
      if (event.key.startsWith(draftSidePrefix(key))) {
        // Another tab's side copy: offered once that tab has gone (its `final` write), dropped once answered.
        if (event.type === 'saved-elsewhere' && event.final)
          void offerOthers(event.key).catch(() => undefined);
        else if (event.type === 'removed-elsewhere')
          setOffers((now) => now.filter((o) => o.entry.key !== event.key));
        return;
      }
      if (event.key !== key) return;
      else if (event.type === 'saved-elsewhere') void offer('other-tab', true);
      else {
        base.current = null;
        pending.current = undefined;
        setState((now) => (now === 'conflict' ? 'idle' : now));
        setOffers((now) => now.filter((o) => o.source !== 'other-tab'));
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
  }, [store, key, sideKey, setOffers]);

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

  /** The user answered the first offer: it is no longer offered; returns it. */
  const answer = useCallback(() => {
    const head = offersRef.current[0];
    if (!head) return undefined;
    if (head.entry.key === key) {
      // This page now builds on that draft.
      base.current = refOf(head.entry);
      pending.current = undefined;
      setState((now) => (now === 'conflict' ? 'idle' : now));
    }
    setOffers((now) => now.filter((o) => o !== head));
    return head;
  }, [key, setOffers]);

  const restore = useCallback(() => {
    const head = answer();
    if (!head) return undefined;
    const restored = head.entry.value;
    if (head.entry.key === key) {
      // The form takes this value: it is what storage holds, nothing of it to save again.
      saved.current = restored;
      // "Load the newer version": this page's typing kept beside it is knowingly replaced.
      if (head.source === 'other-tab') landed(false);
    } else {
      // Another version: now the form's value, saved as this page's draft; its copy goes once that landed.
      // While the key's own draft is still offered, not over it: in this page's side copy, until answered.
      saved.current = NOT_SAVED;
      retire.current.push(head.entry.key);
      const main = offersRef.current.find((o) => o.entry.key === key);
      if (main) pending.current = refOf(main.entry) ?? undefined;
    }
    optionsRef.current.onRestore?.(restored);
    return restored;
  }, [answer, key, landed]);

  const discard = useCallback(() => {
    const head = answer();
    if (head?.entry.key !== key) {
      if (head) void store?.remove(head.entry.key).catch(() => undefined);
    } else if (head.source === 'other-tab') {
      // "Keep this version": the user chose to replace the other tab's draft with this page's value.
      if (saved.current === valueRef.current) saved.current = NOT_SAVED;
      save(false);
    }
    // Deleted only while it is still the stored one: a save from this page has replaced it already.
    else if (!savedHere.current) void store?.remove(key).catch(() => undefined);
  }, [answer, store, key, save]);

  const clear = useCallback(async () => {
    timer.current?.();
    timer.current = undefined;
    saved.current = valueRef.current;
    pending.current = undefined;
    sideStored.current = false;
    retire.current = [];
    setOffers(() => []);
    setSavedAt(undefined);
    setState('idle');
    if (!store) return;
    // Sent: no version of it is "unsaved changes" any more, this page's side copy and other tabs' too.
    const sides = await store.list(draftSidePrefix(key));
    await Promise.all([store.remove(key), ...sides.map((side) => store.remove(side.key))]);
  }, [store, key, setOffers]);

  const restorable = useMemo((): RestorableDraft<T> | undefined => {
    const head = offers[0];
    if (!head) return undefined;
    const { value: offered, savedAt: at, dropped } = head.entry;
    return {
      value: offered,
      savedAt: at,
      source: head.source,
      ...(dropped ? { dropped } : {}),
      ...(offers.length > 1 ? { more: offers.length - 1 } : {}),
    };
  }, [offers]);
  const status = useMemo(() => ({ ...storage, state }), [storage, state]);
  return { restorable, restore, discard, clear, savedAt, status };
}
