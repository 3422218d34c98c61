/** Luhn checksum over the digits of `text` (card numbers). */
export function luhn(text: string): boolean {
  let sum = 0;
  const digits = text.replace(/\D/g, '');
  for (let i = 0; i < digits.length; i++) {
    let digit = +digits.charAt(digits.length - 1 - i);
    if (i % 2) digit = digit > 4 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 IBAN check: country letters and check digits moved to the end, then mod 97 = 1. */
export function ibanChecksum(text: string): boolean {
  const iban = text.replace(/ /g, '');
  let rest = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    const value = parseInt(char, 36);
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return iban.length >= 15 && iban.length <= 34 && rest === 1;
}

/**
 * A token rather than a word: it has a digit or a symbol, or its case changes at least twice
 * (`dXNlcjpwYXNz`, not `Authentication`).
 */
export function tokenLike(text: string): boolean {
  return /\d|[+/=_~.-]/.test(text) || (text.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0) > 2;
}

/**
 * An opaque credential rather than a word, an error code or a number: at least 8 characters with
 * both a letter and a digit (`RelFetchCode111`, `4/0AX4XfWh-…`), or at least 20 with mixed case.
 * Keeps `ERR_NETWORK`, `404`, `expired`, `email`.
 */
export function opaque(text: string): boolean {
  return (
    text.length >= 8 &&
    ((/[A-Za-z]/.test(text) && /\d/.test(text)) ||
      (text.length >= 20 && /[a-z]/.test(text) && /[A-Z]/.test(text)))
  );
}

/**
 * The key names of a base64 or base64url-encoded JSON object (`eyJ…`), read from at most its first
 * 3,000 characters; `[]` when it does not decode. Used to tell `{"password":…}` from a page cursor.
 */
export function base64JsonKeys(text: string): string[] {
  try {
    const b64 = text.slice(0, 3000).replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    const json = atob(b64.slice(0, b64.length - (b64.length % 4)));
    return Array.from(json.matchAll(/"([^"\\]{1,64})"\s*:/g), (m) => m[1] as string);
  } catch {
    return [];
  }
}

/**
 * Text as lower-case words, camelCase and snake_case split (`mobilePhone` → `mobile phone`), so a
 * keyword test with `\b` matches whole words only: `tel` but not `hotel` or `telemetry`.
 */
export function words(text: string): string {
  return text
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_.]/g, ' ')
    .toLowerCase();
}
