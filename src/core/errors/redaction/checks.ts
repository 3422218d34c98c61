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
