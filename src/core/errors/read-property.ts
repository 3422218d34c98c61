/** Reads `value[key]` without ever throwing: a throwing getter or Proxy trap reads as `undefined`. */
export function readProperty(value: unknown, key: string): unknown {
  try {
    // A primitive reads its wrapper's property, as `value[key]` would (`undefined` for these keys).
    return (value as Record<string, unknown> | null | undefined)?.[key];
  } catch {
    return undefined;
  }
}
