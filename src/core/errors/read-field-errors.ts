import { listKeys, readProperty } from './read-property';
import type { FieldErrors } from './types';

/** Items read from a list or a map: bounds the fields and the messages of one field alike. */
const MAX_ITEMS = 50;

/**
 * Reads field-level messages from the shapes servers and validators commonly use, or `undefined`:
 * `{ errors: { email: ['Taken'] } }` (Rails, Laravel), `{ fieldErrors: { email: 'Taken' } }` (zod's
 * `flatten()`), `{ issues: [{ path: ['email'], message }] }` (a ZodError) and `errors: [{ field, message }]`.
 * Never throws.
 */
export function readFieldErrors(value: unknown): FieldErrors | undefined {
  const issues = readProperty(value, 'issues');
  const source = readProperty(value, 'fieldErrors') ?? readProperty(value, 'errors') ?? issues;
  // Most thrown values have none: nothing is allocated for them (this runs on every capture, issue 11).
  if (typeof source !== 'object' || source === null) return undefined;
  const fields = new Map<string, string[]>();
  const add = (field: unknown, message: unknown): void => {
    if (typeof message === 'string' && (typeof field === 'string' || typeof field === 'number'))
      fields.set(`${field}`, [...(fields.get(`${field}`) ?? []), message]);
  };
  try {
    if (Array.isArray(source)) {
      for (const item of source.slice(0, MAX_ITEMS)) {
        const path = readProperty(item, 'path');
        const field =
          source === issues && Array.isArray(path)
            ? path.slice(0, MAX_ITEMS).join('.')
            : readProperty(item, 'field');
        add(field, readProperty(item, 'message'));
      }
    } else {
      // Never every entry, nor every message: a 2-million-item list costs as much as a short one (issue 9).
      for (const field of listKeys(source).slice(0, MAX_ITEMS)) {
        const messages = readProperty(source, field);
        for (const message of Array.isArray(messages) ? messages.slice(0, MAX_ITEMS) : [messages])
          add(field, message);
      }
    }
  } catch {
    // An unreadable shape simply has no field errors.
  }
  return fields.size > 0 ? Object.fromEntries(fields) : undefined;
}
