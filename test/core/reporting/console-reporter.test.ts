import { AppError, createConsoleReporter, type ErrorRecord } from 'bulwark/core';
import { expect, it, vi } from 'vitest';

it('writes one line per record at the level matching its severity', () => {
  const out = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
  const reporter = createConsoleReporter({ console: out });
  const record: ErrorRecord = {
    id: '1',
    fingerprint: 'f',
    error: new AppError('Card declined', { kind: 'validation', severity: 'warning' }),
    count: 3,
    firstSeen: 0,
    lastSeen: 0,
    occurrences: [0],
    presentation: 'inline',
    status: 'active',
    context: {},
  };
  void reporter.report(record);
  expect(out.warn).toHaveBeenCalledWith('[bulwark] validation VALIDATION: Card declined (×3)', record);
  expect(out.error).not.toHaveBeenCalled();
});
