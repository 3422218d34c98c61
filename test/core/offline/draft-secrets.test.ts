import { isDraftSecretKey, omitDraftSecrets } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe('isDraftSecretKey', () => {
  it.each([
    'password',
    'newPassword',
    'api_token',
    'cardNumber',
    'cvc',
    'CVV',
    'cc-csc',
    'cc-number',
    'one-time-code',
    'securityCode',
    'pin',
  ])('calls %s secret', (key) => expect(isDraftSecretKey(key)).toBe(true));
  it.each(['title', 'body', 'email', 'confirm', 'quantity', 'notes'])('keeps %s', (key) =>
    expect(isDraftSecretKey(key)).toBe(false),
  );
});

describe('omitDraftSecrets', () => {
  it('leaves out secret names at any depth, listed fields and listed values, and keeps the rest', () => {
    const value = {
      title: 'Hello',
      password: 'hunter2',
      billing: { cardNumber: '4539 1488 0343 6467', cvc: '123', name: 'Ada' },
      rows: [{ note: 'keep', confirm: 'pw-in-another-field' }],
      internal: 'not for disk',
      when: new Date(0),
    };
    const copy = omitDraftSecrets(value, { exclude: ['internal'], excludeValues: ['pw-in-another-field'] });
    expect(copy).toEqual({
      title: 'Hello',
      billing: { name: 'Ada' },
      rows: [{ note: 'keep' }],
      when: new Date(0),
    });
    // The caller's value is untouched.
    expect(value.password).toBe('hunter2');
  });

  it('accepts a RegExp in exclude and keeps a cycle as a cycle, without looping', () => {
    const value: Record<string, unknown> = { draftNote: 'x', keep: 1 };
    value['self'] = value;
    const kept = omitDraftSecrets(value, { exclude: [/^draft/] });
    expect(Object.keys(kept)).toEqual(['keep', 'self']);
    expect(kept['self']).toBe(kept);
    expect(kept).not.toBe(value);
  });

  it('keeps an object referenced twice as one object (as structured clone does)', () => {
    const shared = { city: 'Oslo', password: 'hunter2' };
    const kept = omitDraftSecrets({
      from: shared,
      to: shared,
      stops: [shared],
      byName: new Map([['x', shared]]),
    });
    expect(kept.from).toEqual({ city: 'Oslo' });
    expect(kept.to).toBe(kept.from);
    expect(kept.stops[0]).toBe(kept.from);
    expect(kept.byName.get('x')).toBe(kept.from);
  });
});

describe('secrets in other shapes (break-it findings F5–F7)', () => {
  it('leaves secrets out of a class instance (a form model), keeping its other fields', () => {
    class LoginForm {
      email = 'a@example.com';
      password = 'hunter2-class';
    }
    expect(omitDraftSecrets(new LoginForm())).toEqual({ email: 'a@example.com' });
  });

  it('leaves secret keys out of a Map and walks a Set', () => {
    const kept = omitDraftSecrets({
      fields: new Map([
        ['email', 'a@b.c'],
        ['password', 'hunter2-map'],
      ]),
      tags: new Set([{ token: 'tok-set', name: 'x' }]),
    });
    expect(kept.fields).toEqual(new Map([['email', 'a@b.c']]));
    expect(kept.tags).toEqual(new Set([{ name: 'x' }]));
  });

  it('drops [name, value] pairs whose name is secret (FormData entries)', () => {
    const entries = [
      ['email', 'a@b.c'],
      ['password', 'hunter2-pairs'],
    ];
    expect(omitDraftSecrets({ entries })).toEqual({ entries: [['email', 'a@b.c']] });
  });

  it('leaves out a card number and code nested under a card key', () => {
    expect(
      omitDraftSecrets({ card: { number: '4242424242424242', exp: '12/30', csc: '123' }, number: 7 }),
    ).toEqual({ card: { exp: '12/30' }, number: 7 });
  });

  it.each([
    'verificationCode',
    'smsCode',
    'mfaCode',
    'twoFactorCode',
    'totpCode',
    'otpCode',
    'recoveryCode',
    'backupCodes',
    'creditCard',
    'cardCode',
    'csc',
    'cvn',
    'seedPhrase',
    'mnemonic',
    'securityAnswer',
    'pinNumber',
    'pass',
    'privateKey',
  ])('calls the one-time-code, card or recovery field %s a secret', (name) => {
    expect(isDraftSecretKey(name)).toBe(true);
  });
});
