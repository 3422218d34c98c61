import type { NetworkStatus } from '../offline/network-status';

/** How much of the app works, best first. */
export type DegradationLevel = 'full' | 'reduced' | 'minimal' | 'offline';

/** Every level, best first: a later level is worse. */
export const DEGRADATION_LEVELS: readonly DegradationLevel[] = ['full', 'reduced', 'minimal', 'offline'];

/** What set the current level. */
export type DegradationCause = 'app' | 'breaker' | 'network';

/** The degradation state; a new object only when something in it changes. */
export interface DegradationSnapshot {
  level: DegradationLevel;
  /** What set it; undefined at `full`. */
  cause: DegradationCause | undefined;
  /** The app's reason (from `set`), or the names of the open breakers. */
  reason: string | undefined;
  /** Features turned off now. */
  unavailable: readonly string[];
  /** Breakers holding the app degraded (open and not yet due for a trial, or isolated). */
  openBreakers: readonly string[];
}

/** Options for {@link createDegradation} (and `createResilience({ degradation })`). */
export interface DegradationOptions {
  /**
   * Features each level turns off; a feature off at one level is off at every worse level.
   * @default {} (no feature is turned off by level)
   * @example { reduced: ['recommendations'], minimal: ['search', 'comments'], offline: ['checkout'] }
   */
  features?: Readonly<Partial<Record<Exclude<DegradationLevel, 'full'>, readonly string[]>>>;
  /** Level an open breaker sets, by breaker name. @default 'reduced' for every breaker */
  breakerLevels?: Readonly<Record<string, 'reduced' | 'minimal'>>;
  /** Features off while a given breaker is open, whatever the level, by breaker name. @default {} */
  breakerFeatures?: Readonly<Record<string, readonly string[]>>;
  /** Network status to follow; `false` ignores the network. @default the page-wide `networkStatus` */
  network?: NetworkStatus | false;
}

/** An app's degradation state: set by the app or driven by breakers and the network. */
export interface Degradation {
  readonly getSnapshot: () => DegradationSnapshot;
  /** Calls `listener` with every new snapshot; returns the unsubscribe. */
  readonly subscribe: (listener: (snapshot: DegradationSnapshot) => void) => () => void;
  /** Sets the app's own level (with a reason for the user); `set('full')` clears it. Automatic causes still apply. */
  readonly set: (level: DegradationLevel, reason?: string) => void;
  /** Whether `feature` works at the current level. */
  readonly isAvailable: (feature: string) => boolean;
  /** Stops following breakers and the network. */
  readonly dispose: () => void;
}
