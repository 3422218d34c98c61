/** A set of listeners that is told of events; one listener's bug never reaches the others or the caller. */
export interface Listeners<E> {
  /** Adds `listener`; returns the unsubscribe. */
  readonly add: (listener: (event: E) => void) => () => void;
  readonly emit: (event: E) => void;
  readonly count: () => number;
}

/** Builds the listener set behind every `subscribe` of policies, degradation and network status. */
export function createListeners<E>(): Listeners<E> {
  const set = new Set<(event: E) => void>();
  return {
    add: (listener) => {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit: (event) => emit(set, event),
    count: () => set.size,
  };
}

/** Tells every listener of `event`; a listener that throws is skipped. */
export function emit<E>(listeners: ReadonlySet<(event: E) => void>, event: E): void {
  for (const listener of [...listeners]) {
    try {
      listener(event);
    } catch {
      // A listener's bug must not break the breaker, the call or the other listeners.
    }
  }
}
