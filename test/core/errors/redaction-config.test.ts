// The configuration API (`createRedactor` options, `reporting.redact`): issue 9, break-it pass 3
// (findings-9c: N1, N1b, N2, N3, W1, W5, T1). Each case failed before the options were read once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRedactor, createResilience, type RedactionRule } from 'bulwark/core';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('N1: a custom rule whose `keywords` RegExp has the g flag leaks every other match', () => {
  it('redacts each employee id near its keyword, call after call', () => {
    const redactor = createRedactor({
      rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/, keywords: /employee/gi }],
    });
    expect(redactor.redactString('employee E123456')).toBe('employee [REDACTED]');
    // The second call starts from the keyword RegExp's stale lastIndex: nothing matches.
    expect(redactor.redactString('employee E654321')).toBe('employee [REDACTED]');
    expect(redactor.redactString('employee E111111 employee E222222 employee E333333')).toBe(
      'employee [REDACTED] employee [REDACTED] employee [REDACTED]',
    );
  });

  it('a sticky keywords RegExp finds its word anywhere before the match', () => {
    const redactor = createRedactor({
      rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/, keywords: /employee/y }],
    });
    expect(redactor.redactString('payroll failed for employee E123456')).toBe(
      'payroll failed for employee [REDACTED]',
    );
  });

  it('reaches the store through reporting.redact', () => {
    const resilience = createResilience({
      reporting: { redact: { rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/, keywords: /employee/g }] } },
    });
    resilience.capture(new Error('payroll failed for employee E123456'));
    resilience.capture(new Error('payroll failed for employee E654321 (retry)'));
    const json = JSON.stringify(resilience.store.getState());
    expect(json).not.toContain('E123456');
    expect(json).not.toContain('E654321');
  });

  it("leaves the app's own RegExp as it was given", () => {
    const keywords = /employee/g;
    createRedactor({ rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/, keywords }] }).redactString(
      'employee E123456',
    );
    expect(keywords.lastIndex).toBe(0);
    expect(keywords.flags).toBe('g');
  });
});

describe('N1b: a `keys` or `allowKeys` RegExp with the g flag', () => {
  it('keys: [/ref$/g] redacts aref, bref, cref and dref', () => {
    const redactor = createRedactor({ keys: [/ref$/g] });
    expect(redactor({ aref: 'E1', bref: 'E2', cref: 'E3', dref: 'E4' })).toEqual({
      aref: '[REDACTED]',
      bref: '[REDACTED]',
      cref: '[REDACTED]',
      dref: '[REDACTED]',
    });
  });

  it('allowKeys: [/^session_?id$/gi] allows every such key, not every other one', () => {
    const redactor = createRedactor({ allowKeys: [/^session_?id$/gi] });
    const text = 'sessionId=s-1 session_id=s-2 SESSIONID=s-3 sessionid=s-4';
    expect(redactor.redactString(text)).toBe(text);
    expect([1, 2, 3].map(() => redactor.isSecretKey('sessionId'))).toEqual([false, false, false]);
  });
});

describe('N2: secret key names configured in a non-Latin script are found in text', () => {
  const redactor = createRedactor({ keys: ['пароль', '密码', 'contraseña', 'κωδικός'] });
  it.each([
    'пароль=Hunter2xyz',
    'пароль: Hunter2xyz',
    '密码: Hunter2xyz',
    '密码：Hunter2xyz',
    '{"пароль":"Hunter2xyz"}',
    'contraseña=Hunter2xyz',
    'Ошибка входа: ПАРОЛЬ=Hunter2xyz',
    'κωδικός=Hunter2xyz',
    // Chinese is written without spaces: the configured name ends the longer one.
    '用户密码: Hunter2xyz',
  ])('%s', (text) => {
    expect(redactor.redactString(text)).not.toContain('Hunter2xyz');
  });

  it('keeps the text around the value and keys that are not listed', () => {
    expect(redactor.redactString('Ошибка входа: пароль=Hunter2xyz')).toBe('Ошибка входа: пароль=[REDACTED]');
    expect(redactor.redactString('город: Москва')).toBe('город: Москва');
  });

  it('in a captured message (store)', () => {
    const resilience = createResilience({ reporting: { redact: { keys: ['пароль'] } } });
    resilience.capture(new Error('Ошибка входа: пароль=Hunter2xyz'));
    expect(JSON.stringify(resilience.store.getState())).not.toContain('Hunter2xyz');
  });
});

describe('N3: one non-Latin allowKeys entry allows only that name', () => {
  it("allowKeys ['名前'] does not allow the configured secret key '密码'", () => {
    const redactor = createRedactor({ keys: ['密码'], allowKeys: ['名前'] });
    expect(redactor({ 名前: 'Ada', 密码: 'Hunter2xyz' })).toEqual({ 名前: 'Ada', 密码: '[REDACTED]' });
  });

  it("allowKeys ['имя'] does not allow 'пароль' configured as secret", () => {
    const redactor = createRedactor({ keys: ['пароль'], allowKeys: ['имя'] });
    expect(redactor({ имя: 'Ада', пароль: 'Hunter2xyz' })).toEqual({ имя: 'Ада', пароль: '[REDACTED]' });
  });

  it("allowKeys ['_'] allows a key named '_' only, not every key without Latin letters", () => {
    const redactor = createRedactor({ keys: ['пароль', '🔑'], allowKeys: ['_'] });
    expect(redactor({ _: 'x', пароль: 'Hunter2xyz', '🔑': 'Hunter3xyz', '🔒': 'kept' })).toEqual({
      _: 'x',
      пароль: '[REDACTED]',
      '🔑': '[REDACTED]',
      '🔒': 'kept',
    });
  });

  it('an allowed Chinese name is matched whole, never as the end of a longer name', () => {
    const redactor = createRedactor({ keys: ['密码'], allowKeys: ['备注'] });
    expect(redactor({ 密码备注: 'x', 用户密码: 'Hunter2xyz' })).toEqual({
      密码备注: 'x',
      用户密码: '[REDACTED]',
    });
  });
});

describe('W1: one non-Latin `keys` entry wipes only that name', () => {
  it("keys ['пароль'] keeps 'имя' and 'город'", () => {
    const redactor = createRedactor({ keys: ['пароль'] });
    expect(redactor({ пароль: 'Hunter2xyz', имя: 'Ада', город: 'Москва', 名前: 'Ada' })).toEqual({
      пароль: '[REDACTED]',
      имя: 'Ада',
      город: 'Москва',
      名前: 'Ada',
    });
  });

  it('compares names case-insensitively and with compatibility forms folded', () => {
    const redactor = createRedactor({ keys: ['Пароль', 'ｍｅｍｏ'] });
    expect(redactor({ ПАРОЛЬ: 'a1', memo: 'b2', 'memo-date': 'kept' })).toEqual({
      ПАРОЛЬ: '[REDACTED]',
      memo: '[REDACTED]',
      'memo-date': 'kept',
    });
  });
});

describe('Configuration mistakes are told when the redactor is created', () => {
  it('a keys entry that is neither a string nor a RegExp', () => {
    expect(() => createRedactor({ keys: [42 as unknown as string] })).toThrow(
      new TypeError('bulwark: keys takes strings and RegExps; got number'),
    );
  });
  it('a rule without a RegExp pattern', () => {
    expect(() =>
      createRedactor({ rules: [{ id: 'no-pattern', pattern: '\\d+' as unknown as RegExp }] }),
    ).toThrow(new TypeError('bulwark: redaction rule "no-pattern" needs a RegExp pattern'));
  });
});

describe('T1: a custom rule whose test throws fails closed for that text only', () => {
  const broken: RedactionRule = {
    id: 'broken',
    pattern: /\bZZ\d+/,
    test: () => {
      throw new Error('bug in an app rule');
    },
  };

  it('keeps the rest of the message and the context (the match itself is redacted)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const resilience = createResilience({ reporting: { redact: { rules: [broken] } } });
    resilience.capture(new Error('checkout failed for order ZZ123'), {
      tags: { note: 'retry ZZ9 later', orderId: 'o-42' },
    });
    const [record] = resilience.store.getState().records;
    expect(record?.error.message).toBe('checkout failed for order [REDACTED]');
    expect(record?.context.tags).toEqual({ note: 'retry [REDACTED] later', orderId: 'o-42' });
  });

  it('the other rules still run, and the error is warned once in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const redactor = createRedactor({ rules: [broken] });
    expect(redactor.redactString('ZZ1 and password=Hunter2xyz')).toBe('[REDACTED] and password=[REDACTED]');
    expect(redactor({ a: 'ZZ2', b: 'ZZ3 ok' })).toEqual({ a: '[REDACTED]', b: '[REDACTED] ok' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('"broken"');
  });

  it('a throwing secretEnd takes the rest of that text as the secret', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const redactor = createRedactor({
      rules: [
        {
          id: 'broken-end',
          pattern: /\bsecret-note:/,
          secretEnd: () => {
            throw new Error('bug');
          },
        },
      ],
    });
    expect(redactor({ a: 'kept', b: 'order 42 secret-note: Hunter2 xyz' })).toEqual({
      a: 'kept',
      b: 'order 42 [REDACTED]',
    });
  });
});

describe('W5: a custom `replacement` keeps what the default marker keeps', () => {
  it("replacement '<hidden>'", () => {
    const text = 'api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc card on file, retry later';
    expect(createRedactor().redactString(text)).toBe('api_key=[REDACTED] card on file, retry later');
    expect(createRedactor({ replacement: '<hidden>' }).redactString(text)).toBe(
      'api_key=<hidden> card on file, retry later',
    );
  });
  it("replacement '***' (the README's example)", () => {
    expect(
      createRedactor({ replacement: '***' }).redactString(
        'token=ghp_16C7e42F292c6912E7710c838347Ae178B4a failed, retry',
      ),
    ).toBe('token=*** failed, retry');
  });
});
