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

  it('accepts a RegExp in exclude and cuts cycles instead of looping', () => {
    const value: Record<string, unknown> = { draftNote: 'x', keep: 1 };
    value['self'] = value;
    expect(omitDraftSecrets(value, { exclude: [/^draft/] })).toEqual({ keep: 1 });
  });

  it('keeps an object referenced twice (not a cycle)', () => {
    const shared = { city: 'Oslo' };
    expect(omitDraftSecrets({ from: shared, to: shared })).toEqual({
      from: { city: 'Oslo' },
      to: { city: 'Oslo' },
    });
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
