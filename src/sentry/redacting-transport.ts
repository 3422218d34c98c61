import type { EventCollection } from './scrub-event';
import { scrubEnvelope } from './scrub-envelope';
import type { PayloadScrubber } from './scrub-payload';
import type { SentryTransportFactory } from './types';

/**
 * Wraps a Sentry transport factory (Sentry's own pattern, as `makeBrowserOfflineTransport` does) so every
 * envelope is scrubbed right before it is sent: `beforeSend` never sees sessions, client reports or logs.
 * If scrubbing fails the envelope is dropped, never sent as it was.
 */
export function redactingTransport(
  makeTransport: SentryTransportFactory,
  scrub: PayloadScrubber,
  collection: EventCollection,
): SentryTransportFactory {
  return (transportOptions) => {
    const inner = makeTransport(transportOptions);
    return {
      send: (envelope) => {
        let safe;
        try {
          safe = scrubEnvelope(envelope, scrub, collection);
        } catch {
          return Promise.resolve({});
        }
        return inner.send(safe);
      },
      flush: (timeout) => inner.flush(timeout),
    };
  };
}
