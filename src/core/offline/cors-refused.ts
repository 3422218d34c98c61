// How long the reachability check may take: a dead route must not hold the request (or a replay).
const CHECK_TIMEOUT_MS = 5000;

/**
 * After a request to `url` failed on the network: was it the server's CORS rules rather than the
 * network? True when `url` is cross-origin and its origin answers a `no-cors` `HEAD /` (which needs no
 * CORS approval): the server is reachable, so the browser refused the request itself, typically the
 * preflight that the `Idempotency-Key` header (or another non-simple header) calls for. Such a request
 * fails the same way on every replay, so the outbox must not treat it as "offline" (break-it F9 of
 * issue 12). Never rejects.
 */
export async function corsRefused(url: string): Promise<boolean> {
  const origin = new URL(url).origin;
  if (origin === location.origin) return false;
  return fetch(`${origin}/`, {
    method: 'HEAD',
    mode: 'no-cors',
    credentials: 'omit',
    cache: 'no-store',
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  }).then(
    () => true,
    () => false,
  );
}

/** One send's outcome: the answer, a network failure (fetch rejected), or another failure (a hook, a timeout). */
export type SendOutcome = { response: Response } | { failed: 'network' | 'other' };

/**
 * Sends with `sendOnce` (which must build a fresh request each time) and tells a CORS refusal from a
 * network that failed: after a network failure while `url`'s cross-origin server answers the check of
 * {@link corsRefused}, a request that carries an `Idempotency-Key` (`keyed`) is sent once more at once, and
 * only a second network failure with the server still answering is `refused`. One check took the first send
 * after coming back online, made before the route was usable, for a refusal: a dead letter, or a write not
 * queued (issue 11, ninth session's CI). Only a keyed request is sent again: a simple cross-origin request
 * (no preflight) reaches the server before the browser refuses its answer, so the server may have applied it,
 * and without a key it would apply it twice (break-it D1, D2 of findings-11d). A keyless one that fails
 * while its server answers is `refused`, as before.
 */
export async function sendTellingRefusal(
  url: string,
  sendOnce: () => Promise<SendOutcome>,
  keyed: boolean,
): Promise<{ response?: Response; refused: boolean }> {
  const first = await sendOnce();
  if ('response' in first) return { response: first.response, refused: false };
  if (first.failed !== 'network' || !(await corsRefused(url))) return { refused: false };
  if (!keyed) return { refused: true };
  const second = await sendOnce();
  if ('response' in second) return { response: second.response, refused: false };
  return { refused: second.failed === 'network' && (await corsRefused(url)) };
}
