/**
 * A key standing for an object whose fields are all strings, numbers, booleans or `undefined`, such
 * that two objects share it only when they have the same fields in the same order with the same
 * values: each name and value is written with its length first, so no text inside a value can make
 * two objects share a key. `undefined` when a field holds anything else (an object, a function) or
 * the key would pass `max` characters; `''` for an object with no fields. Reads each field once.
 */
export function plainKey(fields: Readonly<Record<string, unknown>>, max: number): string | undefined {
  let key = '';
  for (const field in fields) {
    const part = plainPart(field, fields[field]);
    if (part === undefined) return undefined;
    key += part;
    if (key.length > max) return undefined;
  }
  return key;
}

/** `plainKey({ [field]: value }, Infinity)`, without making the object (a capture keys every field of an AppError). */
export function plainPart(field: string, value: unknown): string | undefined {
  const type = typeof value;
  if (type !== 'string' && type !== 'number' && type !== 'boolean' && type !== 'undefined') return undefined;
  const text = String(value);
  return `${field.length}:${field}${type[0]}${text.length}:${text}`;
}
