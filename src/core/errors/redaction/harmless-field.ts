import { keyWords } from './secret-key';

/** Last words of a field that holds a structural fact about a secret, not the secret: when, how, what kind. */
const LAST =
  /^(at|on|time|times|date|timestamp|ts|exp|iat|nbf|ttl|age|until|since|seconds|secs|ms|millis|duration|timeout|lifetime|method|methods|type|kind|status|provider|scheme|alg|algorithm|scope|scopes|version|length|count|size|required|enabled|disabled|valid|expired|revoked|format|source|issuer|iss|audience|aud|reason|error)$/;
/** Words anywhere in it that make it a time: `expires_in`, `issuedAtUtc`. */
const TIME = /^(expires|expiry|expiration|created|updated|issued|refreshed|rotated|revoked)$/;

/**
 * Whether a field under a secret-named object holds a harmless structural fact (break-it pass 2, F4):
 * `{ token: { expiresAt, method: 'GET' } }`, `{ session: { createdAt } }`, `{ auth: { required, method } }`.
 * Such a value is scanned with the rules like any other, not wiped, so "when did the session expire?"
 * can be answered; a secret inside it is still caught by its shape. Decided on whole words of the name
 * (camelCase, snake_case), the last word or a time word; never `id`, `value`, `key`, `code`, `data`,
 * `state` (an OAuth state is a CSRF token) or a name that is secret itself (checked first by the redactor).
 */
export function harmlessField(name: string): boolean {
  const words = keyWords(name.slice(0, 100));
  return LAST.test(words.at(-1) ?? '') || words.some((word) => TIME.test(word));
}
