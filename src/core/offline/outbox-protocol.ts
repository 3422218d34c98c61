// Messages between the pages and the worker. Commands go page → worker through workbox-window's
// `messageSW` (the worker answers on a MessageChannel); news goes worker → every page on a
// BroadcastChannel, which also reaches tabs the worker does not control yet.
import type { OutboxStorageProblem } from './outbox-storage-error';
import type { DeadLetter } from './outbox-types';

/** The `type` of every command message. */
export const OUTBOX_COMMAND = 'bulwark-outbox';

/** A page's command to the worker's outbox `outbox`. */
export type OutboxCommand =
  | { type: typeof OUTBOX_COMMAND; outbox: string; command: 'replay'; force: boolean }
  | { type: typeof OUTBOX_COMMAND; outbox: string; command: 'retry' | 'discard'; id: string }
  | { type: typeof OUTBOX_COMMAND; outbox: string; command: 'resume' };

/** The worker's answer to a command: whether it did something (`retry`/`discard` of an unknown id: false). */
export interface OutboxCommandReply {
  ok: boolean;
  /** Set when the worker could not read or write its storage. */
  error?: string;
}

/** News from the worker. */
export type OutboxNews =
  /** Something changed: pages read their snapshot again. */
  | { type: 'changed'; replaying: boolean }
  /** An entry became a dead letter. */
  | { type: 'dead'; letter: DeadLetter }
  /** The server answered 401: the outbox waits for `resume()`. */
  | { type: 'paused'; status: number; url: string }
  /** `onReplayRequest` failed on an entry (which stays in line): what it threw, redacted and cut. */
  | { type: 'replay-error'; message: string; url: string }
  /** A request could not be stored (and was answered with an error, not a 202). */
  | { type: 'storage-error'; problem: OutboxStorageProblem; url: string };

/** The BroadcastChannel of one outbox. */
export const outboxChannelName = (outbox: string) => `bulwark-outbox:${outbox}`;

/** True for a command message (anything else reaching the worker is someone else's). */
export function isOutboxCommand(data: unknown): data is OutboxCommand {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === OUTBOX_COMMAND;
}
