/**
 * The message of a thrown value: its `message` string, the value itself when a string was thrown, else `undefined`.
 *
 * @example
 * <pre>{getErrorMessage(error) ?? 'Unknown error'}</pre>
 */
export function getErrorMessage(thrown: unknown): string | undefined {
  if (typeof thrown === 'string') return thrown;
  if (
    typeof thrown === 'object' &&
    thrown !== null &&
    'message' in thrown &&
    typeof thrown.message === 'string'
  )
    return thrown.message;
  return undefined;
}
