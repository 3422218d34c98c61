import { AppError, type ErrorRecord } from 'bulwark/core';

/** A store record for tests that build records by hand (id `id-<fingerprint>`, shown as a toast). */
export const makeRecord = (
  fingerprint: string,
  over: Partial<ErrorRecord> = {},
  severity: AppError['severity'] = 'error',
): ErrorRecord => ({
  id: `id-${fingerprint}`,
  fingerprint,
  error: new AppError(`failed ${fingerprint}`, { severity }),
  count: 1,
  firstSeen: 0,
  lastSeen: 0,
  occurrences: [0],
  presentation: 'toast',
  status: 'active',
  context: {},
  ...over,
});
