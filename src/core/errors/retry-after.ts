/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds (`"120"`) or an HTTP date
 * (a past date gives 0). `undefined` for a missing, negative or unreadable value.
 *
 * @example
 * parseRetryAfter('120'); // 120000
 * parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')); // 60000
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Only date-shaped text (a day or month name, then a 4-digit year): Date.parse alone accepts "5" or "-1" as years.
  const at = /[a-z].*\d{4}/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
