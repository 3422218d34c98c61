import type { EventGate } from './event-gate';
import type { EventCollection } from './scrub-event';
import { scrubEnvelope } from './scrub-envelope';
import type { PayloadScrubber } from './scrub-payload';
import type { SentryTransportFactory } from './types';

/**
 * Wraps a Sentry transport factory (Sentry's own pattern, as `makeBrowserOfflineTransport` does) so every
 * envelope is scrubbed right before it is sent: `beforeSend` never sees sessions, client reports or logs.
 * Error events that skipped bulwark's `beforeSend` are gated here (see `EventGate`). If scrubbing fails
 * the envelope is dropped, never sent as it was; an envelope left with no items is not sent.
 */
export function redactingTransport(
  makeTransport: SentryTransportFactory,
  scrub: PayloadScrubber,
  collection: EventCollection,
  gate?: EventGate,
): SentryTransportFactory {
  return (transportOptions) => {
    const inner = makeTransport(transportOptions);
    return {
      send: (envelope) => {
        let safe;
        try {
          safe = scrubEnvelope(envelope, scrub, collection, gate);
        } catch {
          return Promise.resolve({});
        }
        if (safe[1].length === 0) return Promise.resolve({});
        return inner.send(safe);
      },
      flush: (timeout) => inner.flush(timeout),
    };
  };
}
