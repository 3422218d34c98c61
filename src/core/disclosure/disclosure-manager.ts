import { PRESENTATIONS, type ErrorRecord, type Presentation } from '../types';
import type { DisclosureManager, DisclosureOptions, DisclosureRules } from './types';

export const DEFAULT_DISCLOSURE_WINDOW_MS = 60_000;

/**
 * The default table. "Gentle" is `inline`: shown where it happened, by the component that caught it.
 * Info stays silent unless an app raises its `max`; a warning never goes past a toast.
 */
export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = {
  severity: {
    info: { start: 'silent', max: 'silent' },
    warning: { start: 'inline', max: 'toast' },
    error: { start: 'inline', max: 'fullscreen' },
    critical: { start: 'dialog', max: 'fullscreen' },
  },
  recurrence: [
    { from: 2, presentation: 'toast' },
    { from: 4, presentation: 'dialog' },
    { from: 6, presentation: 'fullscreen' },
  ],
  level: { app: 'fullscreen', page: 'fullscreen' },
};

const rank = (p: Presentation): number => PRESENTATIONS.indexOf(p);
const higher = (a: Presentation, b: Presentation): Presentation => (rank(a) >= rank(b) ? a : b);
const lower = (a: Presentation, b: Presentation): Presentation => (rank(a) <= rank(b) ? a : b);

/**
 * Creates the progressive-disclosure manager: severity sets the start, recurrence of the same
 * fingerprint within the window escalates up to the severity's ceiling, and a page-level boundary
 * goes straight to fullscreen. Recovery de-escalates because `capture` restarts a recovered
 * record's `occurrences`.
 *
 * @example
 * const disclosure = createDisclosureManager({ rules: { recurrence: [{ from: 3, presentation: 'dialog' }] } });
 * disclosure.decide(record); // 'inline' | 'toast' | …
 */
export function createDisclosureManager(options: DisclosureOptions = {}): DisclosureManager {
  const windowMs = options.windowMs ?? DEFAULT_DISCLOSURE_WINDOW_MS;
  const rules: DisclosureRules = { ...DEFAULT_DISCLOSURE_RULES, ...options.rules };

  const decide = (record: ErrorRecord): Presentation => {
    const { start, max } = rules.severity[record.error.severity];
    const since = record.lastSeen - windowMs;
    const recent = record.occurrences.filter((t) => t > since).length;
    let presentation = start;
    for (const step of rules.recurrence)
      if (recent >= step.from) presentation = higher(presentation, step.presentation);
    presentation = lower(presentation, max);
    // A level floor applies to errors the user must see at all; a silent severity stays silent.
    const floor = record.context.level && rules.level[record.context.level];
    return floor && max !== 'silent' ? higher(presentation, floor) : presentation;
  };

  return { decide, rules, windowMs };
}
