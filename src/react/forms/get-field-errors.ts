import { normalizeError } from '../../core/errors/normalize';
import type { FieldErrors } from '../../core/errors/types';

/**
 * The field messages of a server validation error, or `{}`: from an `AppError`'s `fieldErrors`, or read from the
 * shapes servers and validators use (`{ errors: { email: ['Taken'] } }`, a ZodError's `issues`, …). Never throws.
 *
 * @example
 * getFieldErrors(await HttpError.fromResponse(response)); // { email: ['Already registered'] }
 */
export function getFieldErrors(error: unknown): FieldErrors {
  return normalizeError(error).fieldErrors ?? {};
}
