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
