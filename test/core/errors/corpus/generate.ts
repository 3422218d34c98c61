// Deterministic generators for the corpora: the same strings on every run.

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A pseudo-random string (xorshift) for a seed. */
export const random = (seed: number, length: number, alphabet = ALNUM): string => {
  let x = seed * 2654435761 + 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet.charAt(Math.abs(x) % alphabet.length);
  }
  return out;
};
export const digits = (seed: number, length: number) => random(seed, length, '0123456789');

/** Appends the Luhn check digit. */
export const withLuhn = (body: string): string => {
  for (let check = 0; check < 10; check++) {
    const candidate = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let d = +candidate.charAt(candidate.length - 1 - i);
      if (i % 2) d = d > 4 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return candidate;
  }
  return body;
};
