/**
 * A plain object carrying the AppError marker and well-formed fields, with `fields` over them: a value
 * from another bundle, a bad deserialiser or an attacker, for tests that check the marker is validated.
 */
export const forgedAppError = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  isAppError: true,
  message: 'm',
  code: 'C',
  messageKey: 'unknown',
  retryable: false,
  kind: 'unknown',
  severity: 'error',
  actions: [],
  ...fields,
});
