import { scrubEvent, type EventCollection } from './scrub-event';
import type { PayloadScrubber } from './scrub-payload';
import type { SentryEnvelope, SentryEvent } from './types';

/** Item types whose payload is an event. */
const EVENT_ITEMS = new Set(['event', 'transaction', 'feedback']);
/** Envelope header fields Sentry routes by; everything else in the header is scrubbed. */
const ROUTING_HEADERS = new Set(['dsn', 'sdk', 'sent_at', 'event_id']);

type Item = SentryEnvelope[1][number];

const scrubSession = (payload: Record<string, unknown>, collection: EventCollection) => {
  if (collection.userInfo) return payload;
  // `did` is the user's id, email or username; `attrs.ip_address` the user's IP.
  const { attrs, ...rest } = payload;
  delete rest.did;
  if (attrs === undefined) return rest;
  const keptAttrs = { ...(attrs as Record<string, unknown>) };
  delete keptAttrs.ip_address;
  return { ...rest, attrs: keptAttrs };
};

const scrubItem = (item: Item, scrub: PayloadScrubber, collection: EventCollection): Item | undefined => {
  const [header, payload] = item as unknown as [{ type: string }, unknown];
  const type = header.type;
  let safe: unknown;
  if (typeof payload === 'string') {
    // Serialised JSON (or text): parse it so key rules apply, else scan the text.
    try {
      safe = JSON.stringify(scrub(JSON.parse(payload)));
    } catch {
      safe = scrub(payload);
    }
  } else if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
    // Attachments and replay recordings (often compressed): nothing can be checked, so nothing is sent.
    return undefined;
  } else if (EVENT_ITEMS.has(type)) {
    safe = scrubEvent(payload as SentryEvent, scrub, collection);
  } else if (type === 'session' || type === 'sessions') {
    safe = scrub(scrubSession(payload as Record<string, unknown>, collection));
  } else {
    safe = scrub(payload);
  }
  return [header, safe] as unknown as Item;
};

/**
 * A scrubbed copy of an envelope: every item redacted (events, sessions, client reports, logs, spans),
 * binary items dropped, and the header's non-routing fields (trace context) redacted.
 */
export function scrubEnvelope(
  envelope: SentryEnvelope,
  scrub: PayloadScrubber,
  collection: EventCollection,
): SentryEnvelope {
  const [headers, items] = envelope as unknown as [Record<string, unknown>, Item[]];
  const safeHeaders: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers)) {
    safeHeaders[key] = ROUTING_HEADERS.has(key) ? value : scrub(value);
  }
  // Not flatMap: an item is itself an array.
  const safeItems = items
    .map((item) => scrubItem(item, scrub, collection))
    .filter((item): item is Item => item !== undefined);
  return [safeHeaders, safeItems] as unknown as SentryEnvelope;
}
