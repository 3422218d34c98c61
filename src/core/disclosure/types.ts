import type { Severity } from '../errors/types';
import type { CaptureContext, ErrorRecord, Presentation } from '../types';

/** Where a severity starts and how far recurrence may take it. */
export interface SeverityRule {
  /** Presentation of the first occurrence. */
  start: Presentation;
  /** Recurrence never escalates past this. */
  max: Presentation;
  /**
   * Errors of this severity block the user wherever they come from, so `reach` does not cap them.
   * @default false (only `critical` in the default table)
   */
  blocks?: boolean;
}

/**
 * How far recurrence may take an error that does not block the user, by where it came from. A page
 * or app boundary (`level`) and a blocking severity are not capped by it.
 */
export interface DisclosureReach {
  /** No `context.userAction`: polling, prefetch, global errors, policies giving up. @default 'toast' */
  background: Presentation;
  /** `context.userAction` is set: something the user asked for keeps failing. @default 'dialog' */
  userAction: Presentation;
}

/** One rung of the escalation ladder: from the `from`-th occurrence within the window on, show at least `presentation`. */
export interface RecurrenceStep {
  from: number;
  presentation: Presentation;
}

/** The rules table the disclosure manager decides from. Every part can be overridden. */
export interface DisclosureRules {
  /** Start and ceiling per severity. */
  severity: Readonly<Record<Severity, SeverityRule>>;
  /** Escalation by recurrence of one fingerprint within `windowMs`, in ascending `from` order. */
  recurrence: readonly RecurrenceStep[];
  /** Minimum presentation per boundary level (a page that failed to render has nothing else to show). */
  level: Readonly<Partial<Record<NonNullable<CaptureContext['level']>, Presentation>>>;
  /** The most intrusive presentation recurrence may reach for what does not block the user. */
  reach: Readonly<DisclosureReach>;
}

/** Options for {@link createDisclosureManager}. */
export interface DisclosureOptions {
  /** Window in which recurrences of one fingerprint count towards escalation. @default 60_000 */
  windowMs?: number;
  /** Overrides merged over {@link DEFAULT_DISCLOSURE_RULES}, part by part. @default DEFAULT_DISCLOSURE_RULES */
  rules?: Partial<DisclosureRules>;
}

/** Decides how intrusively a record is shown. */
export interface DisclosureManager {
  /** The presentation for a record that has just been recorded (pure: same record, same answer). */
  decide: (record: ErrorRecord) => Presentation;
  /** The table in use, after overrides. */
  readonly rules: DisclosureRules;
  readonly windowMs: number;
}
