import type { EventGate } from './event-gate';
import { scrubEvent, type EventCollection } from './scrub-event';
import type { PayloadScrubber } from './scrub-payload';
import type { SentryEnvelope, SentryEvent } from './types';

/** Item types whose payload is an event. */
const EVENT_ITEMS = new Set(['event', 'transaction', 'feedback']);
/**
 * Item types never sent, whatever their payload: attachments and replays. A replay recording is a DOM
 * snapshot (every text on the page) that no rule can check, and Sentry sends it as a string when
 * compression is off or its worker cannot start (issue 13, F8); its `replay_event` is useless without it.
 */
const DROPPED_ITEMS = new Set(['attachment', 'replay_recording', 'replay_event']);
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

/** Sentry's session id: a UUID, with or without dashes. Anything else under `sid` is redacted. */
const SESSION_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** A session item scrubbed: its own `sid` (where Sentry puts it, top level) kept when it is Sentry's UUID. */
const scrubSessionItem = (payload: unknown, scrub: PayloadScrubber): unknown => {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return scrub(payload);
  const { sid, ...rest } = payload as Record<string, unknown>;
  const safe = scrub(rest);
  if (sid === undefined || !safe || typeof safe !== 'object' || Array.isArray(safe)) return safe;
  const kept = typeof sid === 'string' && SESSION_ID.test(sid) ? { sid } : (scrub({ sid }) as object);
  return { ...kept, ...safe };
};

const encoder = /* @__PURE__ */ new TextEncoder();
/** What Relay reads `length` as: the payload's size in UTF-8 bytes, as Sentry's `serializeEnvelope` writes it. */
const byteLength = (payload: unknown): number =>
  encoder.encode(typeof payload === 'string' ? payload : JSON.stringify(payload)).length;

const scrubItem = (
  item: Item,
  scrub: PayloadScrubber,
  collection: EventCollection,
  gate: EventGate | undefined,
): Item | undefined => {
  const [header, payload] = item as unknown as [{ type: string; length?: number }, unknown];
  const type = header.type;
  if (DROPPED_ITEMS.has(type)) return undefined;
  let safe: unknown;
  if (typeof payload === 'string') {
    // Serialised JSON (or text): parse it so key rules apply, else scan the text.
    try {
      safe = JSON.stringify(scrub(JSON.parse(payload)));
    } catch {
      safe = scrub(payload);
    }
  } else if (payload instanceof Uint8Array || payload instanceof ArrayBuffer) {
    // Any other binary payload (often compressed): nothing can be checked, so nothing is sent.
    return undefined;
  } else if (EVENT_ITEMS.has(type)) {
    // Error events only: transactions and feedback are not capped.
    const admitted = gate && type === 'event' ? gate.recheck(payload as SentryEvent) : payload;
    if (!admitted) return undefined;
    safe = scrubEvent(admitted as SentryEvent, scrub, collection);
  } else if (type === 'session' || type === 'sessions') {
    safe = scrubSessionItem(scrubSession(payload as Record<string, unknown>, collection), scrub);
  } else {
    safe = scrub(payload);
  }
  // Redaction changes a payload's size: a stale `length` makes Relay read into the next item (issue 13,
  // F14). A string payload always gets one (it may hold line breaks); JSON gets one only if it had one.
  const safeHeader =
    typeof safe === 'string' || header.length !== undefined
      ? { ...header, length: byteLength(safe) }
      : header;
  return [safeHeader, safe] as unknown as Item;
};

/**
 * A scrubbed copy of an envelope: every item redacted (events, sessions, client reports, logs, spans),
 * binary items, attachments and replays dropped, each rewritten item's `length` header recomputed in
 * UTF-8 bytes, and the header's non-routing fields (trace context) redacted. With a `gate`, error events
 * that did not pass bulwark's `beforeSend` are gated here (noise, duplicates, caps).
 */
export function scrubEnvelope(
  envelope: SentryEnvelope,
  scrub: PayloadScrubber,
  collection: EventCollection,
  gate?: EventGate,
): SentryEnvelope {
  const [headers, items] = envelope as unknown as [Record<string, unknown>, Item[]];
  const safeHeaders: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(headers)) {
    safeHeaders[key] = ROUTING_HEADERS.has(key) ? value : scrub(value);
  }
  // Not flatMap: an item is itself an array.
  const safeItems = items
    .map((item) => scrubItem(item, scrub, collection, gate))
    .filter((item): item is Item => item !== undefined);
  return [safeHeaders, safeItems] as unknown as SentryEnvelope;
}
