import { parseRetryAfter } from '../errors/retry-after';
import { defaultRedactor, type Redactor } from '../errors/redact';
import { safeTimeout } from '../safe-timeout';
import { sendTellingRefusal, type SendOutcome } from './cors-refused';
import { decideOutbox, type OutboxBackoffOptions, type OutboxDecision } from './outbox-decision';
import type { OutboxNews } from './outbox-protocol';
import { IDEMPOTENCY_HEADER, toDeadLetter, toRequest, type OutboxEntry } from './outbox-record';
import type { OutboxStore } from './outbox-store';

/** What an {@link OutboxReplayer} needs. */
export interface OutboxReplayerOptions extends OutboxBackoffOptions {
  /** The outbox's name; also names its Web Lock. */
  name: string;
  store: OutboxStore;
  /** Entries older than this (ms since queued, or since `retry(id)`) become dead letters instead of being sent. */
  maxAgeMs: number;
  /**
   * Rewrites each request just before it is sent (e.g. a fresh auth header). If it throws, rejects,
   * returns something other than a `Request` or takes longer than 30 s, the attempt counts as failed
   * (the entry stays and is retried with backoff) and the pages hear of it (`replay-error`). The
   * entry's `Idempotency-Key` is put back if the hook changed it.
   */
  onReplayRequest?: (request: Request) => Request | Promise<Request>;
  /** Tells the pages what happened. */
  notify: (news: OutboxNews) => void;
  /**
   * How long one replayed request may wait for its answer, in ms; then it counts as a network
   * failure (retried with backoff, the same key), so a hung proxy cannot hold the line. @default 60000
   */
  replayTimeoutMs?: number;
  /** @default globalThis.fetch */
  fetch?: (request: Request, signal: AbortSignal) => Promise<Response>;
  /**
   * Redacts dead-letter excerpts, hook failures and URLs the pages hear of: the app's own rules
   * (`createRedactor(reporting.redact)`), so they match what its reports keep. @default the default rules
   */
  redactor?: Redactor;
}

/** Sends an outbox's entries in order, one at a time. */
export interface OutboxReplayer {
  /**
   * Sends what is pending; `force` ignores the head's backoff delay ("Retry now", back online).
   * If a replay is already running here, it goes on with the new work and the same promise is returned.
   */
  readonly run: (force?: boolean) => Promise<void>;
  readonly isReplaying: () => boolean;
}

// A wait longer than this is left to the next trigger (page timer, `online`, sync) instead of sleeping.
const MAX_SLEEP_MS = 60_000;
const EXCERPT_CHARS = 200;
const REDIRECT_EXCERPT = 'The server answered with a redirect (e.g. to a sign-in page); nothing was applied.';
const CORS_EXCERPT =
  'The browser refused the request although its server answers: its CORS rules do not allow it (e.g. the Idempotency-Key header); nothing was sent.';
/** @see OutboxReplayerOptions.replayTimeoutMs */
export const DEFAULT_REPLAY_TIMEOUT_MS = 60_000;
// Pending entries read per transaction during a replay.
const BATCH = 32;
// An app's hook that never settles must not hold the line (and the Web Lock) forever.
const HOOK_TIMEOUT_MS = 30_000;

/**
 * Why a hook failed, in words safe to show and report: a thrown value can be anything. Redacted, then
 * cut (`redactString` with a length): a secret across the cut is never kept in part.
 */
const describe = (error: unknown, redactor: Redactor) => {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = 'a value that cannot be read';
  }
  return redactor.redactString(text, EXCERPT_CHARS);
};

/** Up to EXCERPT_CHARS characters of an answer, secrets removed before it is cut (bounded work however long). */
const excerptOf = async (response: Response | undefined, redactor: Redactor) => {
  try {
    return redactor.redactString((await response?.text()) ?? '', EXCERPT_CHARS);
  } catch {
    return '';
  }
};

/**
 * Builds the replayer. One replay at a time per outbox across every tab and the worker: each run
 * holds the Web Lock `bulwark-outbox:<name>`. An entry is removed only after a 2xx, so a replay cut
 * short (worker killed, tab closed) sends it again, with the same `Idempotency-Key`.
 */
export function createOutboxReplayer(options: OutboxReplayerOptions): OutboxReplayer {
  const { name, store, notify } = options;
  const send = options.fetch ?? ((request: Request, signal: AbortSignal) => fetch(request, { signal }));
  const timeoutMs = options.replayTimeoutMs ?? DEFAULT_REPLAY_TIMEOUT_MS;
  const redactor = options.redactor ?? defaultRedactor;
  const redactString = (text: string) => redactor.redactString(text);
  let running: Promise<void> | undefined;
  let again = false;
  let force = false;
  let replaying = false;
  let wake: (() => void) | undefined;

  const setReplaying = (next: boolean) => {
    replaying = next;
    notify({ type: 'changed', replaying });
  };

  // safeTimeout: bounded (no 2^31 ms overflow firing at once) and unref'd where that exists.
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const cancel = safeTimeout(resolve, ms, { unref: true });
      wake = () => {
        cancel();
        resolve();
      };
    }).finally(() => (wake = undefined));

  /** The request to send: the app's hook applied, bounded in time, the entry's own key kept. */
  const prepare = async (head: OutboxEntry): Promise<Request> => {
    const request = toRequest(head, 'manual');
    const hook = options.onReplayRequest;
    if (!hook) return request;
    let cancel: (() => void) | undefined;
    const rewritten: unknown = await Promise.race([
      Promise.resolve().then(() => hook(request)),
      new Promise<never>((_, reject) => {
        cancel = safeTimeout(
          () => reject(new Error(`onReplayRequest did not settle within ${HOOK_TIMEOUT_MS} ms`)),
          HOOK_TIMEOUT_MS,
          { unref: true },
        );
      }),
    ]).finally(() => cancel?.());
    if (!(rewritten instanceof Request)) {
      throw new TypeError(`onReplayRequest must return a Request, got ${describe(rewritten, redactor)}`);
    }
    // The key is what lets the server apply the entry once: a hook must not change it.
    if (
      (head.key && rewritten.headers.get(IDEMPOTENCY_HEADER) !== head.key) ||
      rewritten.redirect !== 'manual'
    ) {
      const headers = new Headers(rewritten.headers);
      if (head.key) headers.set(IDEMPOTENCY_HEADER, head.key);
      return new Request(rewritten, { headers, redirect: 'manual' });
    }
    return rewritten;
  };

  /** Prepares and sends the head entry once. No answer within replayTimeoutMs is no network failure. */
  const sendOnce = async (head: OutboxEntry): Promise<SendOutcome> => {
    let request: Request;
    try {
      request = await prepare(head);
    } catch (error) {
      // The app's hook failed: the entry stays (tried again with backoff) and the pages hear why.
      notify({ type: 'replay-error', message: describe(error, redactor), url: redactString(head.url) });
      return { failed: 'other' };
    }
    try {
      return { response: await send(request, AbortSignal.timeout(timeoutMs)) };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { failed: timedOut ? 'other' : 'network' };
    }
  };

  /** One attempt at the head entry; its outcome is stored before the next entry is looked at. */
  const attempt = async (head: OutboxEntry & { seq: number }): Promise<OutboxDecision['action']> => {
    // A failed send leaves the entry to be tried again later, unless the other origin's CORS refused it:
    // that fails the same way every time (F9).
    const { response, refused } = await sendTellingRefusal(head.url, () => sendOnce(head), Boolean(head.key));
    // A redirect is no delivery (the server did not take the write; an expired session sent to a
    // login page): a dead letter the user sees. Its status is hidden from the worker (0).
    const redirected = response?.type === 'opaqueredirect';
    const status = response?.status ?? 0;
    const attempts = head.attempts + 1;
    const retryAfterMs = parseRetryAfter(response?.headers.get('retry-after'));
    const decision: OutboxDecision =
      redirected || refused ? { action: 'dead' } : decideOutbox(status, attempts, retryAfterMs, options);
    const tried = { ...head, attempts, lastStatus: status };
    switch (decision.action) {
      case 'delivered':
        await Promise.all([response?.body?.cancel().catch(() => undefined), store.remove(head.seq)]);
        break;
      case 'retry':
        await response?.body?.cancel().catch(() => undefined);
        await store.put({
          ...tried,
          notBefore: Date.now() + decision.delayMs,
          retryAfterUntil: retryAfterMs === undefined ? undefined : Date.now() + retryAfterMs,
        });
        break;
      case 'pause': {
        const cause = { status, url: redactString(head.url) };
        await store.put(tried);
        await store.setPaused(true, cause);
        notify({ type: 'paused', ...cause });
        break;
      }
      case 'dead': {
        const dead: OutboxEntry = {
          ...tried,
          state: 'dead',
          reason: 'rejected',
          excerpt: redirected
            ? REDIRECT_EXCERPT
            : refused
              ? CORS_EXCERPT
              : await excerptOf(response, redactor),
        };
        await store.put(dead);
        notify({ type: 'dead', letter: toDeadLetter(dead, redactor) });
      }
    }
    return decision.action;
  };

  /**
   * Expires, waits for or sends one entry. Then: `next` in the batch, `reread` the line (the entry
   * stays at its head), or `stop` (paused, or its wait is left to the next trigger).
   */
  const step = async (head: OutboxEntry & { seq: number }): Promise<'next' | 'reread' | 'stop'> => {
    if (Date.now() - (head.requeuedAt ?? head.queuedAt) > options.maxAgeMs) {
      // Too old to send blindly, too valuable to drop: the user decides.
      const dead: OutboxEntry = { ...head, state: 'dead', reason: 'expired', excerpt: '' };
      await store.put(dead);
      notify({ type: 'dead', letter: toDeadLetter(dead, redactor) });
      return 'next';
    }
    // "Retry now" and coming back online skip our own backoff, never the server's Retry-After.
    const serverWait = (head.retryAfterUntil ?? 0) - Date.now();
    const wait = serverWait > 0 ? serverWait : head.notBefore - Date.now();
    if (wait > 0 && (!force || serverWait > 0)) {
      if (replaying) setReplaying(false);
      if (wait > MAX_SLEEP_MS) return 'stop';
      await sleep(wait);
      return 'reread';
    }
    force = false;
    if (!replaying) setReplaying(true);
    const action = await attempt(head);
    notify({ type: 'changed', replaying });
    if (action === 'pause') return 'stop';
    return action === 'retry' ? 'reread' : 'next';
  };

  // Entries are read a batch at a time: inside the lock nothing else sends, pauses or reorders the
  // pending line (new entries join at its end, retried dead letters too), so the batch stays true
  // until an entry is kept back (retry) and the line is read again.
  const loop = async () => {
    for (;;) {
      const line = await store.line(BATCH);
      if (line.paused || line.entries.length === 0) return;
      let then: Awaited<ReturnType<typeof step>> = 'next';
      for (const head of line.entries) {
        then = await step(head);
        if (then !== 'next') break;
      }
      if (then === 'stop') return;
    }
  };

  const locked = (task: () => Promise<void>) =>
    typeof navigator !== 'undefined' && 'locks' in navigator
      ? navigator.locks.request(`bulwark-outbox:${name}`, task)
      : task(); // No Web Locks (Safari < 15.4): one replayer per context still holds.

  return {
    isReplaying: () => replaying,
    run(forceNow = false) {
      if (forceNow) force = true;
      if (running) {
        again = true;
        // Only a forced run cuts a backoff wait short: a new entry joins the end of the line, so it
        // changes nothing about the head's wait (waking for it cost two reads per queued request).
        if (forceNow) wake?.();
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            await locked(loop);
          } while (again);
        } finally {
          running = undefined;
          force = false;
          setReplaying(false);
        }
      })();
      return running;
    },
  };
}
