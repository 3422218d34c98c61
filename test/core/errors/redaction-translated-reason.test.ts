// A reason after a secret key in the top UI languages is kept; anything else after the key is still
// redacted (issue 9, break-it pass 3: W2; scope in translated-reason.ts and the README).
import { describe, expect, it } from 'vitest';
import { createResilience, redactString } from 'bulwark/core';

describe('W2: a reason after a secret key is kept in French, German, Spanish, Italian, Portuguese, Russian, Chinese and Japanese', () => {
  // What Django/DRF, Rails, Laravel and Zod-i18n give for `${field}: ${message}` in a non-English locale.
  it.each([
    'password: Ce champ est obligatoire.',
    'password: doit contenir au moins 8 caractères',
    'password: Das Feld ist erforderlich',
    'password: es demasiado corta',
    'password: è obbligatorio',
    'password: deve ter pelo menos 8 caracteres',
    'password: слишком короткий',
    'password: 8文字以上で入力してください',
    'password: 必须至少包含8个字符',
    'token: abgelaufen',
    'token: expiré',
    'token: 已过期',
    'token: トークンの有効期限切れ',
    'Invalid token: le jeton a expiré',
    'Invalid token: el token ha caducado',
    'Authorization: requise pour /admin',
    'password: mindestens 128 Zeichen',
    // Decomposed accents (e + U+0301) read as the composed word.
    'token: expire\u0301',
  ])('%s', (text) => {
    expect(redactString(text)).toBe(text);
  });

  it('reaches the store (a localised 401 message)', () => {
    const resilience = createResilience();
    resilience.capture(new Error('Invalid token: le jeton a expiré'));
    expect(resilience.store.getState().records[0]?.error.message).toBe('Invalid token: le jeton a expiré');
  });
});

describe('W2: what is not a known reason is still redacted', () => {
  it.each([
    // No reason word: a passphrase in any language.
    ['password: cheval correct batterie agrafe', 'cheval'],
    ['password: лошадь батарея скрепка', 'лошадь'],
    ['password: 红色马电池', '红色马电池'],
    // A token with digits or symbols beside a reason word.
    ['password: Hunter2 falsch', 'Hunter2'],
    ['token: 已过期 abc123XYZ', 'abc123XYZ'],
    // A number of three or more digits that is not a length: a PIN.
    ['PIN: 4821 ist falsch', '4821'],
    ['password: 4821文字', '4821'],
    // The reason word first and then other words: `invalide cheval batterie`.
    ['password: invalide cheval batterie', 'cheval'],
    // After `=` a value is data, whatever its words.
    ['password=obligatoire', 'obligatoire'],
  ])('%s', (text, secret) => {
    expect(redactString(text)).not.toContain(secret);
  });
});
