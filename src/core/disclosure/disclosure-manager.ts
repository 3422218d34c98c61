import { PRESENTATIONS, type ErrorRecord, type Presentation } from '../types';
import type { DisclosureManager, DisclosureOptions, DisclosureRules } from './types';

export const DEFAULT_DISCLOSURE_WINDOW_MS = 60_000;

/**
 * The default table. "Gentle" is `inline` where something renders the error where it happened, a
 * toast elsewhere. Info stays silent unless an app raises its `max`; a warning never goes past a
 * toast; only a critical error, a page-level boundary or a user action that keeps failing may take a
 * dialog or the whole page (issue 10: a storm of one background error took the page).
 */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = {
  severity: {
    info: { start: 'silent', max: 'silent' },
    warning: { start: 'inline', max: 'toast' },
    error: { start: 'inline', max: 'fullscreen' },
    critical: { start: 'dialog', max: 'fullscreen', blocks: true },
  },
  recurrence: [
    { from: 2, presentation: 'toast' },
    { from: 4, presentation: 'dialog' },
    { from: 6, presentation: 'fullscreen' },
  ],
  level: { app: 'fullscreen', page: 'fullscreen' },
  reach: { background: 'toast', userAction: 'dialog' },
};

/** Each presentation's place in PRESENTATIONS, looked up rather than searched: `decide` runs on every capture. */
const RANKS = /* @__PURE__ */ Object.fromEntries(PRESENTATIONS.map((p, i) => [p, i])) as Record<
  Presentation,
  number
>;
const higher = (a: Presentation, b: Presentation): Presentation => (RANKS[a] >= RANKS[b] ? a : b);
const lower = (a: Presentation, b: Presentation): Presentation => (RANKS[a] <= RANKS[b] ? a : b);

/** How many of `times` are after `since`, counted without a filtered copy. */
const countAfter = (times: readonly number[], since: number): number => {
  let recent = 0;
  for (const time of times) if (time > since) recent += 1;
  return recent;
};

/** `start`, raised by every recurrence step that `recent` occurrences reach (no closure per `decide`: issue 11). */
const escalate = (
  start: Presentation,
  recent: number,
  steps: DisclosureRules['recurrence'],
): Presentation => {
  let result = start;
  for (const step of steps) if (recent >= step.from) result = higher(result, step.presentation);
  return result;
};

/**
 * Creates the progressive-disclosure manager: severity sets the start, recurrence of the same
 * fingerprint within the window escalates up to the severity's ceiling and to what the error blocks
 * (`reach`), and a page-level boundary goes straight to fullscreen. `inline` is chosen only when the
 * capture has an inline surface (`context.inlineSurface`); otherwise the first visible level is a
 * toast. Recovery de-escalates because `capture` restarts a recovered record's `occurrences`.
 *
 * @example
 * const disclosure = createDisclosureManager({ rules: { recurrence: [{ from: 3, presentation: 'dialog' }] } });
 * disclosure.decide(record); // 'inline' | 'toast' | …
 */
export function createDisclosureManager(options: DisclosureOptions = {}): DisclosureManager {
  const windowMs = options.windowMs ?? DEFAULT_DISCLOSURE_WINDOW_MS;
  const rules: DisclosureRules = { ...DEFAULT_DISCLOSURE_RULES, ...options.rules };

  const decide = (record: ErrorRecord): Presentation => {
    const { context } = record;
    const { start, max, blocks } = rules.severity[record.error.severity];
    const since = record.lastSeen - windowMs;
    // Recurrence alone never takes the page: only what blocks the user may go past `reach`. Past the
    // background reach, only the user's own failed actions count (background occurrences do not carry over).
    let presentation = lower(
      escalate(start, countAfter(record.occurrences, since), rules.recurrence),
      blocks ? max : lower(max, rules.reach.background),
    );
    if (context.userAction !== undefined) {
      const own = escalate(
        start,
        countAfter(record.actionOccurrences ?? record.occurrences, since),
        rules.recurrence,
      );
      presentation = higher(presentation, lower(own, blocks ? max : lower(max, rules.reach.userAction)));
    }
    if (context.inlineSurface) {
      // The surface is on screen and counts the recurrences itself: a toast would show it twice.
      if (presentation === 'toast' && start !== 'toast') presentation = 'inline';
    } else if (presentation === 'inline') {
      // Nothing renders it where it happened: the first visible level is a toast.
      presentation = 'toast';
    }
    // A level floor applies to errors the user must see at all; a silent severity stays silent.
    const floor = context.level && rules.level[context.level];
    return floor && max !== 'silent' ? higher(presentation, floor) : presentation;
  };

  return { decide, rules, windowMs };
}
