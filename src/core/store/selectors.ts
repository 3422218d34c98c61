import type { ErrorKind, Severity } from '../errors/types';
import { PRESENTATIONS, type ErrorRecord, type Presentation } from '../types';
import type { ErrorStoreState } from './types';

const rank = (p: Presentation): number => PRESENTATIONS.indexOf(p);
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2, critical: 3 };

/** Records that still need the user's attention, least recently seen first. */
export const selectActiveRecords = (state: ErrorStoreState): ErrorRecord[] =>
  state.records.filter((r) => r.status === 'active');

/** The most intrusive presentation among active records (`'silent'` when there is none). */
export function selectActivePresentation(state: ErrorStoreState): Presentation {
  let top: Presentation = 'silent';
  for (const r of state.records)
    if (r.status === 'active' && rank(r.presentation) > rank(top)) top = r.presentation;
  return top;
}

function countBy<K extends string>(
  state: ErrorStoreState,
  key: (r: ErrorRecord) => K,
): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const r of state.records) counts[key(r)] = (counts[key(r)] ?? 0) + r.count;
  return counts;
}

/** Occurrences per error kind over the records in history. Compare results with `shallow`. */
export const selectCountsByKind = (state: ErrorStoreState): Partial<Record<ErrorKind, number>> =>
  countBy(state, (r) => r.error.kind);

/** Occurrences per severity over the records in history. Compare results with `shallow`. */
export const selectCountsBySeverity = (state: ErrorStoreState): Partial<Record<Severity, number>> =>
  countBy(state, (r) => r.error.severity);

/** Occurrences in the 60 seconds up to `now` (epoch ms). */
export function selectErrorRate(state: ErrorStoreState, now: number): number {
  const from = Math.floor(now / 1000) - 60;
  let total = 0;
  for (const b of state.rate) if (b.second > from) total += b.count;
  return total;
}

/** What the presenters show right now: at most one fullscreen, one dialog and `maxToasts` toasts. */
export interface Presented {
  fullscreen: ErrorRecord | undefined;
  dialog: ErrorRecord | undefined;
  /** Newest first; empty while a dialog or fullscreen error is up (toasts are held, not lost). */
  toasts: ErrorRecord[];
  /** Toast-level records waiting for a free slot. */
  queuedToasts: number;
}

/** A page- or app-level boundary renders its own fullscreen fallback; the host must not add a second one. */
const shownByBoundary = (r: ErrorRecord): boolean =>
  r.context.source === 'boundary' && (r.context.level === 'page' || r.context.level === 'app');

/** Most severe first, then most recent. */
const moreUrgent = (a: ErrorRecord, b: ErrorRecord): number =>
  SEVERITY_RANK[b.error.severity] - SEVERITY_RANK[a.error.severity] || b.lastSeen - a.lastSeen;

/**
 * Picks what the presenters show: this is where a storm is coalesced before any toast library sees it.
 *
 * @example
 * const { toasts } = selectPresented(resilience.store.getState(), 3);
 */
export function selectPresented(state: ErrorStoreState, maxToasts = 3): Presented {
  const active = selectActiveRecords(state);
  const at = (p: Presentation) => active.filter((r) => r.presentation === p).sort(moreUrgent);
  const fullscreen = at('fullscreen').find((r) => !shownByBoundary(r));
  const dialog = fullscreen ? undefined : at('dialog')[0];
  const waiting = at('toast').sort((a, b) => b.lastSeen - a.lastSeen);
  const toasts = fullscreen || dialog ? [] : waiting.slice(0, maxToasts);
  return { fullscreen, dialog, toasts, queuedToasts: waiting.length - toasts.length };
}

/** Equality for {@link Presented}: same records (by identity) in the same slots. */
export function isSamePresented(a: Presented, b: Presented): boolean {
  return (
    a.fullscreen === b.fullscreen &&
    a.dialog === b.dialog &&
    a.queuedToasts === b.queuedToasts &&
    a.toasts.length === b.toasts.length &&
    a.toasts.every((r, i) => r === b.toasts[i])
  );
}

/**
 * Which toasts to show, keeping the ones already on screen: a toast stays until it is dismissed,
 * resolved or times out, and newer errors wait for a free slot instead of pushing it away (a storm
 * would otherwise replace every toast on each update, unreadable and costly).
 *
 * @param waiting toast-level records, newest first (`selectPresented(state, Infinity).toasts`)
 * @param shown fingerprints on screen now
 */
export function keepShownToasts(
  waiting: readonly ErrorRecord[],
  shown: ReadonlySet<string>,
  maxToasts: number,
): ErrorRecord[] {
  const kept = waiting.filter((r) => shown.has(r.fingerprint)).slice(0, maxToasts);
  const fresh = waiting.filter((r) => !shown.has(r.fingerprint)).slice(0, maxToasts - kept.length);
  return [...kept, ...fresh];
}
