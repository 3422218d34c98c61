/**
 * Key names whose values are secrets, decided on whole words of the name (camelCase, snake_case,
 * kebab-case, dotted paths), never on substrings: `accessToken`, `password_confirmation`,
 * `X-API-Key` and `connect.sid` are secret; `maxTokens`, `tokenExpiresAt`, `signatureAlgorithm`,
 * `cookieConsent`, `bypass` and `compass` are not. The last word decides (the name's head noun),
 * after dropping words that only qualify it (`confirmation`, `hash`, `value`, …).
 */
const HEADS =
  /^(pass(w(or)?d|phrase|code)?|pwd|secrets?|token|credentials?|cookies?|(proxy)?authorization|auth|jwt|otp|pin|cv[cv]2?|ssn|iban|sid|sessid|session|signature|sig|phone)$/;
/** Two last words that together name a secret: `apiKey`, `sessionId`, `cardNumber`, … */
const PAIRS =
  /^((api|private|secret|access|signing|encryption|client|master|license|session|auth)(key|token)|(session|sess)id|(card|cc|account|routing|phone)(number|num|no)|securitycode)$/;
/** One glued lowercase word that ends in a secret name: `accesstoken`, `apikey`, `phpsessid`. */
const GLUED = /(password|passwd|token|secret|apikey|sessionid|sessid|privatekey)$/;
/** Trailing words that qualify a secret without making it harmless: `passwordConfirmation`, `tokenHash`. */
const QUALIFIERS =
  /^(confirmation|confirm|hash|digest|value|raw|plain|b64|base64|enc|encrypted|old|new|current|repeat|again|input)$/;

/** The words of a key name, lower-cased: `XMLHttpRequest` → `xml http request`; `x-api-key` → `x api key`. */
export function keyWords(key: string): string[] {
  return (key.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((word) => word.toLowerCase());
}

/** True when a value stored under `key` is a secret by its name alone. */
export function isSecretKeyName(key: string): boolean {
  const words = keyWords(key.slice(0, 100));
  while (words.length > 1 && QUALIFIERS.test(words.at(-1) as string)) words.pop();
  const last = words.at(-1) ?? '';
  return HEADS.test(last) || PAIRS.test(words.slice(-2).join('')) || (last.length > 6 && GLUED.test(last));
}
