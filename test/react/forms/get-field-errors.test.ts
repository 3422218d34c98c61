import { AppError, getFieldErrors } from 'bulwark';
import { describe, expect, it } from 'vitest';

describe('getFieldErrors', () => {
  it('returns the field messages of a validation AppError', () => {
    const error = new AppError('Invalid', {
      kind: 'validation',
      fieldErrors: { email: ['Already registered'] },
    });
    expect(getFieldErrors(error)).toEqual({ email: ['Already registered'] });
  });

  it('reads the shapes servers send', () => {
    expect(getFieldErrors({ status: 422, errors: { name: ['Required'], age: 'Too young' } })).toEqual({
      name: ['Required'],
      age: ['Too young'],
    });
  });

  it('returns {} for anything without field messages, and never throws', () => {
    for (const value of [new Error('boom'), null, undefined, 'text', 42, { errors: 'nope' }])
      expect(getFieldErrors(value)).toEqual({});
  });
});
