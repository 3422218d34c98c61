import { defaultCatalog, mergeCatalog, type MessageCatalog, type PartialCatalog } from './errors/catalog';
import type { ClassificationRule } from './errors/classify';
import { AppError } from './errors/app-error';
import { fingerprint } from './errors/fingerprint';
import { toStoredError } from './errors/to-stored-error';
import { readOnce } from './errors/read-property';
import { createRedactor, type Redactor } from './errors/redact';
import { createDisclosureManager } from './disclosure/disclosure-manager';
import type { DisclosureManager, DisclosureOptions } from './disclosure/types';
import { createReportDispatcher } from './reporting/report-dispatcher';
import type { Reporter, ReportingOptions } from './reporting/types';
import { createErrorStore, recordFinder } from './store/error-store';
import type { ErrorStore, ErrorStoreOptions } from './store/types';
import type { CaptureContext, ErrorRecord, RecordStatus, RecoveryAction } from './types';
import { createBreakerRegistry } from './policies/breaker-registry';
import type { CircuitBreaker, CircuitBreakerOptions } from './policies/types';
import { resilientFetch, type ResilientFetchInit } from './policies/resilient-fetch';
import { createDegradation } from './degradation/create-degradation';
import type { Degradation, DegradationOptions } from './degradation/types';
import { createReactRootOptions, type ReactRootErrorOptions } from './react-root-options';
import { createBurstGuard, DEFAULT_MAX_PENDING, type BurstGuardOptions } from './burst-guard';
import type { PredicateAnswer } from './errors/classify';
import type { ErrorFacts } from './errors/error-facts';
import { cachedStackRedactor } from './capture/cached-stack-redactor';
import { cachedContextRedactor } from './capture/context-redactor';
import { cachedNameRedactor } from './capture/name-redactor';
import { repeatKey, sameRepeat, type RepeatKey } from './capture/repeat-key';
import type { ErrorStoreState } from './store/types';
import { afterPaint } from './after-paint';

/** Occurrence times kept per record: more than any sensible escalation ladder needs. */
const MAX_OCCURRENCES = 16;

/** `times` plus `time`, at most MAX_OCCURRENCES (oldest out), in one new array. */
const withTime = (times: readonly number[], time: number): number[] => {
  const kept = times.slice(1 - MAX_OCCURRENCES);
  kept.push(time);
  return kept;
};
/** `times` plus `time` when the capture came from a user action (at most MAX_OCCURRENCES, oldest out). */
const withAction = (times: readonly number[] | undefined, context: CaptureContext, time: number) =>
  context.userAction === undefined ? times : withTime(times ?? [], time);
/** Messages whose repeat keys are remembered (see `repeatKey`): as many as the store keeps records by default. */
const MAX_REPEAT_KEYS = 100;
/**
 * Stand-in ids kept at most (see `keepRecordId`): as many as a storm may queue by default, so every
 * placeholder of the latest storm reaches its record (about 0.85 MB at most, measured by findings-11d).
 */
const MAX_RECORD_IDS = DEFAULT_MAX_PENDING;
/** Repeat keys remembered per message (throw sites, names or codes sharing it), the latest first. */
const MAX_KEYS_PER_MESSAGE = 8;

/** The fingerprint of a storm's placeholder records, and the start of their ids. */
const WAITING_KEY = 'waiting';
const WAITING_ID = `${WAITING_KEY}-`;

/** A capture the burst guard holds: the value, its context, and the id of the placeholder it was answered with. */
type StormItem = [value: unknown, context: CaptureContext, standIn?: string];

/** A repeat key seen on the full path, the error and fingerprint it made, and how the predicate rules answered. */
interface Repeat {
  repeat: RepeatKey;
  error: AppError;
  key: string;
  asked: readonly PredicateAnswer[];
  /**
   * The record this key's last capture stored, and the store's state right after: while the store is still
   * in that state, that record is the stored one for `key` (no scan of the records, issue 11).
   */
  record?: ErrorRecord;
  state?: ErrorStoreState;
}

/** Options for {@link createResilience}. */
export interface ResilienceOptions {
  /** App classification rules, tried before the defaults. @default [] */
  rules?: readonly ClassificationRule[];
  /** Overrides or translations of the message catalog. @default {} */
  catalog?: PartialCatalog;
  /** @default {} (history of 100 records) */
  store?: ErrorStoreOptions;
  /** @default {} (the default rules table, 60 s window) */
  disclosure?: DisclosureOptions;
  /** Where reports go (they receive redacted copies). @default [] */
  reporters?: readonly Reporter[];
  /** Severity filter, sampling, rate limit and extra redaction for reports. @default {} */
  reporting?: Omit<ReportingOptions, 'reporters' | 'now'>;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  /** Defaults for every breaker of `resilience.breaker(name)`. @default {} (5 in a row or 50% of 10 in 30 s; 30 s open) */
  breakers?: Omit<CircuitBreakerOptions, 'name'>;
  /** Features per level, and how open breakers and the network degrade the app. @default {} */
  degradation?: DegradationOptions;
  /**
   * Storm safety: time spent capturing per task (the rest of a burst is handled in later tasks) and how
   * many may wait. @default { budgetMs: 4, maxPending: 10_000 }
   */
  burst?: BurstGuardOptions;
}

/** How {@link Resilience.capture} handles one capture. */
export interface CaptureOptions {
  /**
   * Record it after the browser has painted the next frame, not in the caller's task: an error boundary
   * asks for this, so that its fallback is on screen before the pipeline runs (issue 11). `capture` then
   * returns a silent stand-in record (`code` `ERROR_BOUNDARY_PENDING`, no context) whose id `resolve` and
   * `dismiss` accept for the real one; the value counts as captured at once, its occurrence time is the
   * time of this call, and `flush()`, `pagehide` or a second capture of the same value record it sooner.
   * @default false
   */
  afterPaint?: boolean;
}

/** One app's resilience instance: create one per app (or per test) and hand it to `<ResilienceProvider>`. */
export interface Resilience {
  /**
   * The one entry of the pipeline: normalise, classify, fingerprint, record, decide, report.
   * Never throws. Capturing the same thrown object twice is a no-op that returns the same record.
   * With `{ afterPaint: true }` (what `ErrorBoundary` passes) it returns a stand-in and records after the paint.
   */
  capture: (error: unknown, context?: CaptureContext, options?: CaptureOptions) => ErrorRecord;
  /**
   * Handles now every capture still waiting from an error storm, and every boundary capture waiting for the
   * paint (`afterPaint`). `capture` spends at most `burst.budgetMs` per task and handles the rest in later
   * tasks, so a storm never freezes the page; call this in tests, before the page unloads, or at the end
   * of a server render.
   */
  flush: () => void;
  /**
   * The AppError `capture` records for `error`: normalised with this instance's rules, message and stack
   * redacted. Kept per thrown object, so a later `capture` of it records this same AppError (a boundary's
   * fallback shows it while rendering, before `componentDidCatch` captures). Records nothing; never throws.
   */
  normalize: (error: unknown) => AppError;
  /** True once `capture` has seen this thrown object (or the AppError it became). */
  isCaptured: (error: unknown) => boolean;
  /** Hides a record until it happens again. */
  dismiss: (recordId: string) => void;
  /** Marks a recovery as having worked: the record is hidden and its next occurrence starts gently. */
  resolve: (recordId: string) => void;
  /**
   * Runs a recovery action for a record: hides the record, resolves it when `run` returns a promise
   * that fulfils, and captures a rejection. Never throws.
   */
  runAction: (action: RecoveryAction, record?: ErrorRecord) => Promise<void>;
  readonly store: ErrorStore;
  readonly disclosure: DisclosureManager;
  readonly catalog: MessageCatalog;
  /** This app's redactor (the default rules plus `reporting.redact`): what UI that shows error text redacts with. */
  readonly redactor: Redactor;
  /** The breaker for service `name` (one per name; `options` apply when it is first created). */
  breaker: (name: string, options?: Omit<CircuitBreakerOptions, 'name'>) => CircuitBreaker;
  /** `resilientFetch` with this instance's breakers (by name) and its final failures sent to `capture`. */
  fetch: (input: RequestInfo | URL, init?: ResilientFetchInit) => Promise<Response>;
  /** This app's degradation level, driven by `set`, its breakers opening and the network going away. */
  readonly degradation: Degradation;
  /**
   * Error options for React 19's `createRoot`/`hydrateRoot` that send root errors through `capture`, without
   * capturing twice what a bulwark boundary captures itself. See `createReactRootOptions`.
   */
  reactRootOptions: () => ReactRootErrorOptions;
}

/**
 * Whether a context has anything to redact besides its actions: `capture(error)` passes `{}`, and copying
 * that through the redactor was 7% of a new error's capture (issue 11).
 */
const hasFields = (context: CaptureContext): boolean => {
  for (const key in context) if (key !== 'actions') return true;
  return false;
};

const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/**
 * Creates an app's resilience instance: the store, the disclosure manager, reporting and `capture`.
 *
 * @example
 * const resilience = createResilience({ reporters: [createConsoleReporter()] });
 * const record = resilience.capture(new Error('boom'), { feature: 'checkout', userAction: 'pay' });
 * record.presentation; // 'inline' the first time, 'toast' when it recurs
 */
export function createResilience(options: ResilienceOptions = {}): Resilience {
  const now = options.now ?? Date.now;
  const store = createErrorStore(options.store);
  const disclosure = createDisclosureManager(options.disclosure);
  const catalog = options.catalog ? mergeCatalog(defaultCatalog, options.catalog) : defaultCatalog;
  const reporting = createReportDispatcher({ ...options.reporting, reporters: options.reporters, now });
  const redactor = createRedactor(options.reporting?.redact);
  const captured = new WeakMap<object, ErrorRecord>();
  let sequence = 0;
  const breakers = createBreakerRegistry(options.breakers);
  const breaker = (name: string, breakerOptions?: Omit<CircuitBreakerOptions, 'name'>) =>
    breakers.get(name, breakerOptions);
  const degradation = createDegradation(options.degradation, breakers);

  // Records of the slice of a storm being drained, published as one store update when it ends.
  let batch: Map<string, ErrorRecord> | undefined;
  const storedRecord = recordFinder(store);
  const stored = (key: string): ErrorRecord | undefined => batch?.get(key) ?? storedRecord(key);
  const current = (record: ErrorRecord): ErrorRecord => {
    const pending = batch?.get(record.fingerprint);
    return pending?.id === record.id
      ? pending
      : (store.getState().records.find((r) => r.id === record.id) ?? record);
  };

  const redactStack = cachedStackRedactor(redactor.redactString);
  const redactContext = cachedContextRedactor(redactor);
  const redactNames = cachedNameRedactor(redactor);
  /** What `capture` stores for a thrown value: normalised with the app's rules, message and stack redacted. */
  // Only redacted, bounded data is stored (issue 9); the thrown value stays reachable as the non-enumerable `cause`.
  const normalize = (value: unknown, asked?: PredicateAnswer[], facts?: ErrorFacts): AppError =>
    toStoredError(value, { rules: options.rules, asked, facts, redactor: redactNames, redactStack });
  // Boundaries normalise while rendering (their fallback shows the error at once); `capture` reuses it.
  const normalized = new WeakMap<object, AppError>();
  const prepare = (value: unknown): AppError => {
    if (!isObject(value)) return normalize(value);
    let error = captured.get(value)?.error ?? normalized.get(value);
    if (!error) normalized.set(value, (error = normalize(value)));
    // Capturing the classified error itself (resilience.fetch rejects with it) records that very error.
    normalized.set(error, error);
    return error;
  };

  /**
   * The repeat path (issue 11): a recurrence whose repeat key was seen, while the record it made is
   * active and still holds that error, and whose predicate rules answer as before, is counted without
   * normalising, classifying and redacting it again. The record keeps that error (see `ErrorRecord.error`).
   */
  const appRules = (options.rules?.length ?? 0) > 0;
  // By message (a string the engine has often hashed already), then compared part by part.
  const repeats = new Map<string, Repeat[]>();
  const repeatOf = (repeat: RepeatKey | undefined, value: unknown): Repeat | undefined => {
    if (!repeat) return undefined;
    const known = repeats.get(repeat.facts.message ?? '');
    if (!known) return undefined;
    let seen: Repeat | undefined;
    for (const r of known)
      if (sameRepeat(r.repeat, repeat)) {
        seen = r;
        break;
      }
    if (!seen) return undefined;
    const previous = !batch && seen.state === store.getState() ? seen.record : stored(seen.key);
    if (previous?.status !== 'active' || previous.error !== seen.error) return undefined;
    // A predicate may read more than the value (navigator.onLine): if one answers otherwise, classify afresh.
    for (const [test, answer] of seen.asked) if (test(value, repeat.facts) !== answer) return undefined;
    seen.record = previous;
    return seen;
  };
  const remember = (seen: Repeat): void => {
    const message = seen.repeat.facts.message ?? '';
    const known = repeats.get(message);
    // A new message (every new error's) gets a list of one, without a filtered copy to grow at its front.
    const kept = known ? [seen, ...known.filter((r) => !sameRepeat(r.repeat, seen.repeat))] : [seen];
    if (kept.length > MAX_KEYS_PER_MESSAGE) kept.pop();
    repeats.delete(message);
    // Oldest out first: a Map iterates in insertion order.
    if (repeats.size >= MAX_REPEAT_KEYS) repeats.delete(repeats.keys().next().value as string);
    repeats.set(message, kept);
  };

  // Thrown values being recorded now: a capture of one of them from inside its own capture (a rule,
  // a store listener, a reporter) is the same capture, not a second occurrence (issue 10). A stack, not a
  // WeakSet: captures nest, it is rarely deeper than one, and a WeakSet insert per capture cost more (issue 11).
  const inFlight: object[] = [];
  let inFlightError: AppError | undefined;

  const record = (value: unknown, context: CaptureContext, time = now()): ErrorRecord => {
    const prepared = isObject(value) ? normalized.get(value) : undefined;
    const repeat = prepared ? undefined : repeatKey(value, appRules);
    let seen = repeatOf(repeat, value);
    const previousRepeat = seen?.record;
    let error = prepared ?? previousRepeat?.error;
    if (!error) {
      const asked: PredicateAnswer[] = [];
      error = normalize(value, asked, repeat?.facts);
      if (repeat) remember((seen = { repeat, error, key: fingerprint(error), asked }));
    }
    const key = seen?.key ?? fingerprint(error);
    const previous = previousRepeat ?? stored(key);
    const restart = !previous || previous.status === 'recovered';
    // The stored context is redacted like a report would be; the action callbacks stay usable, and a
    // recurrence that offers none keeps the earlier ones, so the user still has a way out.
    const safeContext = hasFields(context) ? redactContext(context) : {};
    const actions = context.actions ?? previous?.context.actions;
    if (actions) safeContext.actions = actions;
    const draft: ErrorRecord = {
      id: previous?.id ?? `err-${++sequence}`,
      fingerprint: key,
      error,
      count: (previous?.count ?? 0) + 1,
      firstSeen: previous?.firstSeen ?? time,
      lastSeen: time,
      occurrences: restart ? [time] : withTime(previous.occurrences, time),
      actionOccurrences: withAction(restart ? undefined : previous.actionOccurrences, context, time),
      presentation: 'silent',
      status: 'active',
      context: safeContext,
    };
    // Decided on the draft, then set on it: a second copy of the record per capture was garbage in a storm.
    const result = draft;
    result.presentation = context.presentation ?? disclosure.decide(draft);
    // Marked before the store hears of it: a listener that captures the same value gets this record.
    captured.set(error, result);
    if (isObject(value)) captured.set(value, result);
    if (batch) {
      batch.delete(key);
      batch.set(key, result);
    } else {
      store.getState().upsert(result);
      if (seen) {
        // Unless a listener changed the record, the next recurrence finds it without a scan.
        const state = store.getState();
        const mine = state.records[state.records.length - 1] === result;
        seen.record = mine ? result : undefined;
        seen.state = mine ? state : undefined;
      }
    }
    reporting.dispatch(result);
    return result;
  };

  /** A second capture of a recorded value by a closer caller (a hook around `resilience.fetch`, a boundary
   * around a hook): its context (userAction, inline surface, actions, feature) is merged into the record and
   * the presentation decided again, without counting a second occurrence (issue 10). */
  const enrich = (record: ErrorRecord, context: CaptureContext): ErrorRecord => {
    const old = record.context;
    const adds =
      (context.userAction !== undefined && old.userAction === undefined) ||
      (context.inlineSurface === true && old.inlineSurface !== true) ||
      (context.actions ?? []).some((a) => !old.actions?.some((b) => b.id === a.id)) ||
      (context.feature !== undefined && old.feature === undefined);
    if (!adds || current(record) !== stored(record.fingerprint)) return record;
    const { actions, ...rest } = context;
    const merged: CaptureContext = { ...old, ...(hasFields(rest) ? redactContext(rest) : {}) };
    const all = [
      ...(actions ?? []),
      ...(old.actions ?? []).filter((a) => !actions?.some((b) => b.id === a.id)),
    ];
    if (all.length > 0) merged.actions = all;
    // The occurrence already counted was the user's action after all.
    const actionOccurrences =
      old.userAction === undefined
        ? withAction(record.actionOccurrences, context, record.lastSeen)
        : record.actionOccurrences;
    const draft = { ...record, context: merged, actionOccurrences };
    const result = { ...draft, presentation: context.presentation ?? disclosure.decide(draft) };
    captured.set(result.error, result);
    if (batch) batch.set(record.fingerprint, result);
    else store.getState().upsert(result);
    return result;
  };

  /**
   * A loose record's context, redacted as a stored one is: `capture` returns it to the caller, who may log
   * or forward it (issue 9, findings-9c N5). A context the redactor cannot read gives `{}`.
   */
  const looseContext = (context: CaptureContext): CaptureContext => {
    try {
      const safe = hasFields(context) ? redactContext(context) : {};
      if (context.actions) safe.actions = context.actions;
      return safe;
    } catch {
      return {};
    }
  };

  /** A silent one-off record that is not stored: a pipeline failure, or a capture waiting out a storm. */
  const looseRecord = (error: AppError, key: string, context: CaptureContext): ErrorRecord => {
    const time = now();
    return {
      id: `${key}-${++sequence}`,
      fingerprint: key,
      error,
      count: 1,
      firstSeen: time,
      lastSeen: time,
      occurrences: [time],
      presentation: 'silent',
      status: 'active',
      context: looseContext(context),
    };
  };

  const pipelineFailure = (failure: unknown, context: CaptureContext): ErrorRecord =>
    looseRecord(new AppError('The error pipeline failed', { cause: failure }), 'pipeline-failure', context);

  const safeRecord = (value: unknown, context: CaptureContext, time?: number): ErrorRecord => {
    const tracked = isObject(value);
    if (tracked && inFlight.includes(value)) {
      // Not normalised: that is what is running (a rule that captures would only come back here).
      inFlightError ??= new AppError('Captured again while its capture was running', { severity: 'info' });
      return looseRecord(inFlightError, 'in-flight', context);
    }
    try {
      if (tracked) inFlight.push(value);
      // Each property of the thrown value is read once in its capture (issue 9, H3).
      return readOnce(record, value, context, time);
    } catch (failure) {
      // The pipeline itself failed (a broken rule or catalog): hand back a record rather than throw.
      return pipelineFailure(failure, context);
    } finally {
      if (tracked) inFlight.pop();
    }
  };

  // The id a stand-in was handed (a boundary's before the paint, a storm's placeholder) -> the id of the
  // record made for it later, so `resolve`/`dismiss` of it reach that record (a boundary resolves its
  // record when its children recover; `useAsyncAction` when the action succeeds). Kept while that record
  // is in the store or the storm's unpublished batch: past `pruneRecordIdsAt` entries, the others go. And
  // the latest MAX_RECORD_IDS only: a recurring error's record never leaves the store, and every storm of
  // it would add its placeholders' ids for the page's lifetime (findings-11d D4).
  const recordIds = new Map<string, string>();
  let pruneRecordIdsAt = MAX_REPEAT_KEYS;
  const keepRecordId = (standIn: string, id: string): void => {
    recordIds.set(standIn, id);
    // A Map iterates in insertion order: its first key is the oldest.
    if (recordIds.size > MAX_RECORD_IDS) recordIds.delete(recordIds.keys().next().value ?? standIn);
    if (recordIds.size <= pruneRecordIdsAt) return;
    const live = new Set([...store.getState().records, ...(batch?.values() ?? [])].map((r) => r.id));
    for (const [from, to] of recordIds) if (!live.has(to)) recordIds.delete(from);
    pruneRecordIdsAt = Math.max(MAX_REPEAT_KEYS, 2 * recordIds.size);
  };

  // A storm (thousands of errors in one loop) is spread over later tasks; until its turn comes, a
  // waiting capture answers with a silent placeholder record.
  const waiting = new WeakMap<object, ErrorRecord>();
  let stormPlaceholder: AppError | undefined;
  let handledNow: ErrorRecord | undefined;
  // `dismiss`/`resolve` asked of a placeholder before its turn came (rare: no map entry per queued capture,
  // which made the app's storm loop 1.6x slower). Cleared when the storm has drained.
  const askedEarly = new Map<string, RecordStatus>();
  const burst = createBurstGuard<StormItem>(
    ([value, context, standIn], queued) => {
      if (queued) batch ??= new Map();
      handledNow = safeRecord(value, context);
      if (isObject(value)) waiting.delete(value);
      if (standIn === undefined) return;
      keepRecordId(standIn, handledNow.id);
      const early = askedEarly.size > 0 ? askedEarly.get(standIn) : undefined;
      // Applied to the record as it is made, before the captures queued after it (a recurrence after the
      // resolve stays active, as outside a storm: findings-11d D3).
      if (early && batch?.get(handledNow.fingerprint) === handledNow)
        batch.set(handledNow.fingerprint, { ...handledNow, status: early });
    },
    // Handled at once (with the slice it ends): the storm is over, and this must not queue behind itself.
    (dropped) =>
      void safeRecord(
        new AppError(`${dropped} errors were dropped during an error storm`, {
          kind: 'unknown',
          severity: 'warning',
          code: 'ERROR_STORM_DROPPED',
          context: { dropped },
        }),
        { source: 'manual' },
      ),
    options.burst,
    // One store update per drained slice of a storm.
    () => {
      const records = batch ? [...batch.values()] : [];
      batch = undefined;
      if (records.length > 0) store.getState().upsertAll(records);
      if (burst.pending() === 0) askedEarly.clear();
    },
  );

  const placeholder = (value: unknown, context: CaptureContext): ErrorRecord => {
    stormPlaceholder ??= new AppError('Waiting its turn in an error storm', {
      severity: 'info',
      code: 'ERROR_STORM_WAITING',
    });
    const result = looseRecord(stormPlaceholder, WAITING_KEY, context);
    if (isObject(value)) waiting.set(value, result);
    return result;
  };
  /** A capture the burst guard queued (its placeholder's id reaches its record once made) or dropped. */
  const wait = (item: StormItem): ErrorRecord => {
    const result = placeholder(item[0], item[1]);
    item[2] = result.id;
    return result;
  };

  /**
   * A boundary's capture waits for the paint (issue 11): the fallback is on screen before its record is
   * made. In the click's own task the boundary only notes the occurrence (the value, its context, the time);
   * normalising, redacting the component stack, fingerprinting, the store update and the reports run after
   * the next paint, on `flush()`, on `pagehide`, or at once when the same value is captured again. What waits
   * is kept here only (never in the store or a report), so nothing unredacted leaves `capture` meanwhile.
   */
  const deferred: { value: unknown; context: CaptureContext; time: number; id: string }[] = [];
  let pendingError: AppError | undefined;
  let deferScheduled = false;
  let recordingDeferred = false;
  const runDeferred = (): void => {
    // A capture made while one that waited is recorded (a listener's) comes after it, as it would have.
    if (recordingDeferred) return;
    recordingDeferred = true;
    deferScheduled = false;
    globalThis.removeEventListener?.('pagehide', runDeferred);
    try {
      for (let next = deferred.shift(); next; next = deferred.shift()) {
        if (isObject(next.value)) {
          waiting.delete(next.value);
          // Classified first, as a fallback rendering it did before the wait: the record holds the AppError
          // whose cause is the value this boundary caught, not an earlier occurrence's (findings-11b B5).
          safePrepare(next.value);
        }
        keepRecordId(next.id, safeRecord(next.value, next.context, next.time).id);
      }
    } finally {
      recordingDeferred = false;
    }
  };
  const defer = (value: unknown, context: CaptureContext): ErrorRecord => {
    const time = now();
    pendingError ??= new AppError('Recorded once the fallback is painted', {
      severity: 'info',
      code: 'ERROR_BOUNDARY_PENDING',
    });
    // A silent stand-in with no context: redacting the component stack is part of what waits.
    const result = looseRecord(pendingError, 'pending', {});
    deferred.push({ value, context, time, id: result.id });
    if (isObject(value)) waiting.set(value, result);
    if (!deferScheduled) {
      deferScheduled = true;
      afterPaint(runDeferred);
      // The page may go away before its next frame: record what waits while it still can.
      globalThis.addEventListener?.('pagehide', runDeferred);
    }
    return result;
  };
  /** The id of the record made for `id`, once made (a boundary's stand-in is recorded at once). */
  const recordId = (id: string): string => {
    if (deferred.some((d) => d.id === id)) runDeferred();
    return recordIds.get(id) ?? id;
  };
  /** Sets a record's status; a queued placeholder's waits for its record (the storm is not drained for it). */
  const setStatus = (id: string, status: RecordStatus): void => {
    if (burst.pending() > 0 && id.startsWith(WAITING_ID) && !recordIds.has(id))
      return void askedEarly.set(id, status);
    const target = recordId(id);
    if (status === 'dismissed') store.getState().dismiss(target);
    else store.getState().resolve(target);
  };

  const safePrepare = (value: unknown): AppError => {
    try {
      return prepare(value);
    } catch (failure) {
      return new AppError('The error pipeline failed', { cause: failure });
    }
  };

  const capture = (value: unknown, context: CaptureContext = {}, how?: CaptureOptions): ErrorRecord => {
    try {
      // Boundary captures still waiting for the paint are recorded before any other capture, so records,
      // times and reports keep call order (findings-11b B1, B2, B6); the same value again joins its record.
      // Boundary captures queue behind each other: the order holds, and a render that fails in ten places
      // still waits for the paint.
      if (
        deferred.length > 0 &&
        (how?.afterPaint !== true || (isObject(value) && deferred.some((d) => d.value === value)))
      )
        runDeferred();
      const seen = isObject(value) ? (captured.get(value) ?? waiting.get(value)) : undefined;
      if (seen) return enrich(current(seen), context);
      // Not through the burst guard: React bounds how often a boundary catches.
      if (how?.afterPaint === true) return defer(value, context);
      if (context.source === 'boundary') return safeRecord(value, context);
      handledNow = undefined;
      const item: StormItem = [value, context, undefined];
      const handled = burst.run(item);
      return handled && handledNow ? handledNow : wait(item);
    } catch (failure) {
      return pipelineFailure(failure, context);
    }
  };

  const isCaptured = (value: unknown): boolean =>
    isObject(value) && (captured.has(value) || waiting.has(value));
  const dismiss = (id: string) => setStatus(id, 'dismissed');
  const resolve = (id: string) => setStatus(id, 'recovered');

  const runAction = async (action: RecoveryAction, target?: ErrorRecord): Promise<void> => {
    if (target) dismiss(target.id);
    try {
      const result = action.run();
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
        await result;
        if (target) resolve(target.id);
      }
    } catch (error) {
      capture(error, {
        ...target?.context,
        source: 'manual',
        userAction: action.id,
        presentation: undefined,
      });
    }
  };

  const fetch = (input: RequestInfo | URL, init?: ResilientFetchInit) =>
    resilientFetch(input, init, { capture, breaker, normalize: safePrepare });
  return {
    capture,
    normalize: safePrepare,
    flush: () => {
      runDeferred();
      burst.flush();
    },
    isCaptured,
    dismiss,
    resolve,
    runAction,
    store,
    disclosure,
    catalog,
    redactor,
    breaker,
    fetch,
    degradation,
    reactRootOptions: () => createReactRootOptions({ capture }),
  };
}
