/** Reads `value[key]` without ever throwing: a throwing getter or Proxy trap reads as `undefined`. */
export function readProperty(value: unknown, key: string): unknown {
  try {
    return value !== null && (typeof value === 'object' || typeof value === 'function')
      ? (value as Record<string, unknown>)[key]
      : undefined;
  } catch {
    return undefined;
  }
}
