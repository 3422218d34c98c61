/** `log10(16)`: decimal digits per hexadecimal digit, to size a BigInt without building its decimal text. */
const DIGITS_PER_HEX = Math.log10(16);

/**
 * What a number or BigInt becomes when its decimal text is longer than `max` characters (issue 9, H4),
 * or `undefined` when it fits. A BigInt that long is described by its size, `"[BigInt ~253530 digits]"`:
 * its decimal text alone costs 100 ms for 250,000 digits, and a prefix of it would read as another
 * number. The size is read from the hexadecimal text (linear time) and may be one digit off, hence `~`.
 * A number's text is at most 24 characters, so only a `max` below that cuts one (like a string, `…`).
 */
export function oversizedNumber(value: number | bigint, max: number): string | undefined {
  if (typeof value === 'number') {
    const text = String(value);
    return text.length > max ? `${text.slice(0, Math.max(0, max))}…` : undefined;
  }
  if (!Number.isFinite(max)) return undefined;
  const magnitude = value < 0n ? -value : value;
  // A comparison, not the text: it has more than `max` digits exactly when it reaches 10^max.
  if (magnitude < 10n ** BigInt(Math.max(0, Math.floor(max)))) return undefined;
  const digits = Math.max(max + 1, Math.ceil(magnitude.toString(16).length * DIGITS_PER_HEX));
  return `[BigInt ~${digits} digits]`;
}
