import {
  AppError,
  classifyError,
  createResilience,
  HttpError,
  isHttpError,
  normalizeError,
  type ClassificationRule,
} from 'bulwark/core';
import { describe, expect, it } from 'vitest';

// The README's own example rules.
const rules: ClassificationRule[] = [
  {
    name: 'maintenance',
    match: { status: 503 },
    classification: { kind: 'server', messageKey: 'maintenance' },
  },
  { name: 'card declined', match: { code: 'CARD_DECLINED' }, classification: { kind: 'validation' } },
];

const http503 = () =>
  new HttpError({ status: 503, statusText: 'Service Unavailable', url: 'https://api.example/orders' });

describe('app rules come first for every value', () => {
  it('reclassifies an HttpError with the README example rule (messageKey maintenance)', () => {
    const thrown = http503();
    const error = normalizeError(thrown, { rules });
    expect(error).toMatchObject({ kind: 'server', messageKey: 'maintenance', status: 503, code: 'HTTP_503' });
    // Still an HttpError, with its message and stack; the thrown one is not changed.
    expect(isHttpError(error) && error instanceof HttpError).toBe(true);
    expect(error.message).toBe(thrown.message);
    expect(error.stack).toBe(thrown.stack);
    expect(thrown.messageKey).toBe('server');
  });

  it('reclassifies an AppError its thrower classified', () => {
    const declined = new AppError('Card declined', { kind: 'unknown', code: 'CARD_DECLINED' });
    expect(normalizeError(declined, { rules })).toMatchObject({ kind: 'validation', severity: 'warning' });
    const conflict = new AppError('x', { kind: 'conflict', code: 'CARD_DECLINED' });
    expect(normalizeError(conflict, { rules }).kind).toBe('validation');
    expect(classifyError(conflict, rules).kind).toBe('validation');
  });

  it('returns an AppError no rule matches as it is', () => {
    const error = new AppError('x', { kind: 'conflict' });
    expect(normalizeError(error, { rules })).toBe(error);
  });

  it('leaves AppErrors alone for a rule that opts out with appErrors: false', () => {
    const optOut = rules.map((rule) => ({ ...rule, appErrors: false }));
    const thrown = http503();
    expect(normalizeError(thrown, { rules: optOut })).toBe(thrown);
    expect(classifyError(thrown, optOut).messageKey).toBe('server');
    // …while plain values still follow it.
    expect(normalizeError({ status: 503 }, { rules: optOut }).messageKey).toBe('maintenance');
  });

  it('applies through capture too', () => {
    const resilience = createResilience({ rules });
    const record = resilience.capture(http503(), { source: 'manual' });
    expect(record.error).toMatchObject({ kind: 'server', messageKey: 'maintenance', status: 503 });
    expect(resilience.store.getState().records[0]?.error.messageKey).toBe('maintenance');
  });
});
