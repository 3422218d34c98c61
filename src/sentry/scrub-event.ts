import type { PayloadScrubber } from './scrub-payload';
import type { SentryEvent } from './types';

/** Which parts of an event Sentry's `dataCollection` lets through (bulwark's defaults: none of them). */
export interface EventCollection {
  /** `user.*` beyond `id` (email, username, IP address). */
  userInfo: boolean;
  /** `request.cookies` and a `Cookie` header. */
  cookies: boolean;
  /** Request headers other than `User-Agent`. */
  headers: boolean;
  /** `request.data` (a body). */
  bodies: boolean;
}

const keepUserAgent = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() === 'user-agent'));

/**
 * Removes what `collection` turns off from an event — including what the app set itself (`setUser`, a
 * request it attached) — then redacts every string and key and cuts query strings (`scrub`).
 */
export function scrubEvent(
  event: SentryEvent,
  scrub: PayloadScrubber,
  collection: EventCollection,
): SentryEvent {
  const copy = { ...event };
  if (copy.user && !collection.userInfo) {
    const { id } = copy.user;
    copy.user = id === undefined ? undefined : { id };
  }
  if (copy.request) {
    const request = { ...copy.request };
    if (!collection.cookies) delete request.cookies;
    if (request.headers && !collection.headers) request.headers = keepUserAgent(request.headers);
    else if (request.headers && !collection.cookies) {
      request.headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'cookie'),
      );
    }
    if (!collection.bodies) delete request.data;
    copy.request = request;
  }
  return scrub(copy) as unknown as SentryEvent;
}
