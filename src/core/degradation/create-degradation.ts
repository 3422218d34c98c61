import { createListeners } from '../policies/listeners';
import type { CircuitTransition } from '../policies/types';
import { networkStatus } from '../offline/network-status';
import { safeTimeout } from '../safe-timeout';
import {
  DEGRADATION_LEVELS,
  type Degradation,
  type DegradationCause,
  type DegradationLevel,
  type DegradationOptions,
  type DegradationSnapshot,
} from './types';

/** Anything that tells of breaker transitions: a breaker, or a registry of them. */
export interface BreakerEvents {
  subscribe(listener: (transition: CircuitTransition) => void): () => void;
}

const rank = (level: DegradationLevel) => DEGRADATION_LEVELS.indexOf(level);

/**
 * Builds an app's degradation state. An open breaker degrades the app (to `reduced` unless
 * `breakerLevels` says otherwise) until its half-open time comes, when features come back so the
 * app's next call can be the trial; losing the network sets `offline`. One timer at most, for the
 * earliest of those times.
 *
 * @example
 * const degradation = createDegradation({ features: { reduced: ['recommendations'] } }, registry);
 * degradation.subscribe(({ level }) => console.log(level));
 */
export function createDegradation(options: DegradationOptions = {}, breakers?: BreakerEvents): Degradation {
  const { features = {}, breakerLevels = {}, breakerFeatures = {} } = options;
  const network = options.network ?? networkStatus;
  const listeners = createListeners<DegradationSnapshot>();
  const open = new Map<string, number>(); // breaker name → epoch ms of its next trial (Infinity while isolated)
  let app: { level: DegradationLevel; reason: string | undefined } = { level: 'full', reason: undefined };
  let offline = network ? !network.isOnline() : false;
  let cancelTimer = () => {};
  let snapshot: DegradationSnapshot;

  const compute = (): DegradationSnapshot => {
    const now = Date.now();
    const openBreakers: string[] = [];
    let next = Infinity;
    let breakerLevel: DegradationLevel = 'full';
    for (const [name, at] of open) {
      if (at <= now) continue;
      openBreakers.push(name);
      next = Math.min(next, at);
      const level = breakerLevels[name] ?? 'reduced';
      if (rank(level) > rank(breakerLevel)) breakerLevel = level;
    }
    cancelTimer();
    // Only a display update: it must not keep a Node process (a server render, a test run) alive for
    // an open breaker's 30 s.
    cancelTimer = safeTimeout(update, next - now, { unref: true });

    const candidates: [DegradationLevel, DegradationCause, string | undefined][] = [
      [app.level, 'app', app.reason],
      [offline ? 'offline' : 'full', 'network', undefined],
      [breakerLevel, 'breaker', openBreakers.join(', ')],
    ];
    let [level, cause, reason] = candidates[0] as (typeof candidates)[0];
    for (const candidate of candidates)
      if (rank(candidate[0]) > rank(level)) [level, cause, reason] = candidate;

    const unavailable = new Set<string>();
    for (const l of DEGRADATION_LEVELS.slice(1, rank(level) + 1)) {
      for (const feature of features[l as Exclude<DegradationLevel, 'full'>] ?? []) unavailable.add(feature);
    }
    for (const name of openBreakers)
      for (const feature of breakerFeatures[name] ?? []) unavailable.add(feature);
    return level === 'full'
      ? { level, cause: undefined, reason: undefined, unavailable: [...unavailable], openBreakers }
      : { level, cause, reason, unavailable: [...unavailable], openBreakers };
  };

  const same = (a: DegradationSnapshot, b: DegradationSnapshot) =>
    a.level === b.level &&
    a.cause === b.cause &&
    a.reason === b.reason &&
    a.unavailable.join('\n') === b.unavailable.join('\n') &&
    a.openBreakers.join('\n') === b.openBreakers.join('\n');

  function update() {
    const next = compute();
    if (same(next, snapshot)) return;
    snapshot = next;
    listeners.emit(snapshot);
  }

  snapshot = compute();
  const stopBreakers = breakers?.subscribe(({ name, to, nextAttemptAt }) => {
    if (to === 'open' || to === 'isolated') open.set(name, nextAttemptAt ?? Infinity);
    else open.delete(name);
    update();
  });
  const stopNetwork = network
    ? network.subscribe((online) => {
        offline = !online;
        update();
      })
    : undefined;

  return {
    getSnapshot: () => snapshot,
    subscribe: listeners.add,
    set(level, reason) {
      app = { level, reason: level === 'full' ? undefined : reason };
      update();
    },
    isAvailable: (feature) => !snapshot.unavailable.includes(feature),
    dispose() {
      stopBreakers?.();
      stopNetwork?.();
      cancelTimer();
    },
  };
}
