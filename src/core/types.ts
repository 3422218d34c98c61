// The contracts of the one pipeline (see DESIGN.md): what `capture` takes and what it records.
import type { AppError } from './errors/app-error';
import type { RecoveryActionId } from './errors/types';

/** How an error is shown, least intrusive first. */
export type Presentation = 'silent' | 'inline' | 'toast' | 'dialog' | 'fullscreen';

export const PRESENTATIONS: readonly Presentation[] = ['silent', 'inline', 'toast', 'dialog', 'fullscreen'];

/** A way out offered to the user: a button in a toast, dialog or fallback. */
export interface RecoveryAction {
  /** Stable id (`retry`, `reload`, …); the label defaults to the catalog's text for it. */
  id: RecoveryActionId;
  /** Button text; overrides the catalog. */
  label?: string;
  /**
   * What the button does. Whatever it returns is accepted (`run: save` where `save` answers a promise
   * of a value); a promise (any thenable) it returns is awaited, and a rejection goes back through `capture`.
   */
  run: () => unknown;
  /** The primary action is shown first and bound to Enter where focus allows. */
  primary?: boolean;
}

/** Where an error happened (boundary, hook, policy, queue) and what the caller can offer. */
export interface CaptureContext {
  /** Which part of the pipeline caught it. @default 'manual' */
  source?: 'boundary' | 'hook' | 'global' | 'policy' | 'queue' | 'manual' | (string & {});
  /** Boundary level, when caught by a boundary. */
  level?: 'app' | 'page' | 'feature' | 'component';
  /** Boundary, feature or service name, for reports and grouping. */
  name?: string;
  /** Feature the user was using. */
  feature?: string;
  /** What the user was doing ("save draft"). */
  userAction?: string;
  /** React component stack, when caught by a boundary. */
  componentStack?: string;
  /** Recovery actions the caller can run, best first. */
  actions?: readonly RecoveryAction[];
  /**
   * Something renders this error where it happened: a boundary's fallback, or a hook whose caller renders the
   * error it returns. Only then may the disclosure manager choose `inline`, and recurrence updates that surface
   * instead of adding a toast. @default false (the first visible level is a toast)
   */
  inlineSurface?: boolean;
  /** Force a presentation instead of letting the disclosure manager decide. */
  presentation?: Presentation;
  /** Attempts made so far (retry policies), shown in "Show details". */
  attempts?: number;
  /** When the next automatic retry will happen (epoch ms). */
  nextRetryAt?: number;
  /** Extra tags for reporting (redacted before they leave). */
  tags?: Readonly<Record<string, string>>;
}

/** Whether a record still needs the user's attention. */
export type RecordStatus = 'active' | 'recovered' | 'dismissed';

/** One entry in the error store: every occurrence of the same fingerprint collapses into it. */
export interface ErrorRecord {
  /** Unique per record. */
  id: string;
  /** Stable key for "the same error". */
  fingerprint: string;
  /**
   * The latest occurrence that went through the whole pipeline, normalised and classified. A recurrence
   * on `capture`'s repeat path (same repeat key, record active, predicate rules answering as before)
   * keeps it, so its `cause` and its stack below the top frame may be an earlier occurrence's (for a
   * thrown AppError too: its other fields are part of the repeat key).
   */
  error: AppError;
  /** Occurrences since the record was created. */
  count: number;
  /** Epoch ms of the first and the latest occurrence. */
  firstSeen: number;
  lastSeen: number;
  /**
   * Epoch ms of the latest occurrences since the record was created or last recovered, oldest first
   * (at most 16): the disclosure manager counts recurrence within its window from these.
   */
  occurrences: readonly number[];
  /**
   * Epoch ms of those occurrences that came from a user action (`context.userAction`), oldest first: only
   * these count toward the user-action reach, so one failed click on a background error's Retry does not
   * open a dialog. Absent: the disclosure manager counts `occurrences`.
   */
  actionOccurrences?: readonly number[];
  /** How it is shown now. */
  presentation: Presentation;
  status: RecordStatus;
  /** Context of the latest occurrence (redacted; `actions` kept as given so buttons can run them). */
  context: CaptureContext;
}
