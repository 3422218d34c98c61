import { createContext, useCallback, useContext, useState, useSyncExternalStore } from 'react';
import { isDevelopment } from '../../core/is-development';
import type { Resilience } from '../../core/resilience';
import { useResilience } from '../resilience-context';

/** The presenters of which one per `Resilience` instance is shown. */
export type PresenterKind = 'RecoveryToaster' | 'RecoveryDialogHost' | 'FullscreenErrorHost';

/** True around the presenters `<ResilienceProvider>` mounts itself; an app's own (explicit) presenter wins over them. */
export const ProvidedPresenterContext = createContext(false);

interface Claim {
  readonly explicit: boolean;
}

/** The presenters of one kind mounted for one instance, in mount order. */
class Slot {
  #claims: Claim[] = [];
  readonly #listeners = new Set<() => void>();
  #warned = false;
  constructor(readonly kind: PresenterKind) {}

  /** The app's own presenter first (it has the app's props), then the first mounted. */
  owner(): Claim | undefined {
    return this.#claims.find((c) => c.explicit) ?? this.#claims[0];
  }

  join(claim: Claim, listener: () => void): () => void {
    this.#listeners.add(listener);
    this.#claims.push(claim);
    if (this.#claims.length > 1 && this.#claims.some((c) => c.explicit) && !this.#warned && isDevelopment()) {
      // Nested providers share their presenters silently; a second one the app placed itself is a mistake.
      this.#warned = true;
      console.warn(
        `bulwark: more than one <${this.kind}> for the same resilience instance; only one is shown. ` +
          'Pass presenters={false} to <ResilienceProvider> when you place your own.',
      );
    }
    this.#notify();
    return () => {
      this.#listeners.delete(listener);
      this.#claims = this.#claims.filter((c) => c !== claim);
      this.#notify();
    };
  }

  #notify() {
    for (const listener of this.#listeners) listener();
  }
}

// Keyed by instance, so two instances never share a slot, and a slot goes with its instance.
const slots = new WeakMap<Resilience, Map<PresenterKind, Slot>>();

function slotFor(resilience: Resilience, kind: PresenterKind): Slot {
  let byKind = slots.get(resilience);
  if (!byKind) slots.set(resilience, (byKind = new Map<PresenterKind, Slot>()));
  let slot = byKind.get(kind);
  if (!slot) byKind.set(kind, (slot = new Slot(kind)));
  return slot;
}

/**
 * Whether this presenter is the one that shows `kind` for the nearest instance: one toaster, one dialog host and
 * one fullscreen host per store, however many are mounted (nested providers, or a provider plus the app's own
 * `<RecoveryToaster>`), so a record is shown once (issue 10). The others render nothing until the one shown
 * unmounts. False until mounted (presenters show nothing on a server anyway).
 */
export function useSolePresenter(kind: PresenterKind): boolean {
  const slot = slotFor(useResilience(), kind);
  const explicit = !useContext(ProvidedPresenterContext);
  const [claim] = useState<Claim>(() => ({ explicit }));
  const subscribe = useCallback((listener: () => void) => slot.join(claim, listener), [slot, claim]);
  return useSyncExternalStore(
    subscribe,
    () => slot.owner() === claim,
    () => false,
  );
}
