import { describe, expect, it } from 'vitest';
import { createResilience, HttpError, redactString } from 'bulwark/core';
import { fastest } from '../../helpers/fastest';
import { echoBenign } from './corpus/benign';
import { hides } from '../../helpers/hides';

describe('values echoed beside a secret name by libraries and databases (break-it pass 2, L11)', () => {
  it.each([
    [
      'PostgreSQL unique violation',
      'duplicate key value violates unique constraint "users_api_key_key" DETAIL: Key (api_key)=(abc123def456ghi) already exists.',
      'abc123def456ghi',
    ],
    [
      'PostgreSQL, a hash column',
      'Key (password_hash)=($2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012) already exists',
      'abcdefghijklmnopqrstuu',
    ],
    [
      "PostgreSQL, Django's authtoken `key` column",
      'IntegrityError: duplicate key value violates unique constraint "authtoken_token_pkey"\nDETAIL:  Key (key)=(9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b) already exists.',
      '9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b',
    ],
    [
      'PostgreSQL failing row',
      'new row violates check constraint "users_check" DETAIL: Failing row contains (42, ada, $2b$12$abcdefghijklmnopqrstuu, null).',
      'abcdefghijklmnopqrstuu',
    ],
    ['MySQL duplicate entry', "Duplicate entry 'abc123def456ghi' for key 'users.api_key'", 'abc123def456ghi'],
    [
      'MySQL incorrect value',
      "Incorrect integer value: 'Hunter2xyz' for column 'pin' at row 1",
      'Hunter2xyz',
    ],
    [
      'Joi',
      '"password" with value "Hunter2xyz" fails to match the required pattern: /^[a-zA-Z0-9]{3,30}$/',
      'Hunter2xyz',
    ],
    ['Mongoose validator', 'Validator failed for path `password` with value `Hunter2xyz`', 'Hunter2xyz'],
    [
      'Mongoose cast',
      'Cast to ObjectId failed for value "Hunter2xyz" (type string) at path "token"',
      'Hunter2xyz',
    ],
    [
      'Mongoose minlength',
      'User validation failed: Path `password` (`Hunter2`) is shorter than the minimum allowed length (8).',
      'Hunter2',
    ],
    ['Mongoose min', 'Path `pin` (1234) is less than minimum allowed value (10000).', '1234'],
    ['Mongoose enum', '`Hunter2xyz` is not a valid enum value for path `password`.', 'Hunter2xyz'],
    [
      'Node ERR_INVALID_ARG_TYPE',
      'The "password" argument must be of type string. Received type number (48291377)',
      '48291377',
    ],
    [
      "Node, crypto's key argument",
      'The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received type number (123456789)',
      '123456789',
    ],
    [
      'Node ERR_INVALID_ARG_VALUE',
      "The property 'options.passphrase' is invalid. Received 'Hunter2xyz'",
      'Hunter2xyz',
    ],
    [
      'Yup',
      'password must be a `number` type, but the final value was: `NaN` (cast from the value `"Hunter2xyz"`).',
      'Hunter2xyz',
    ],
    [
      'Spring BindException',
      "Field error in object 'user' on field 'password': rejected value [Hunter2xyz]; codes [Size.user.password]",
      'Hunter2xyz',
    ],
    ['ASP.NET model binding', "The value 'Hunter2xyz' is not valid for Pin.", 'Hunter2xyz'],
    [
      'pydantic',
      "1 validation error for User\npassword\n  String should have at least 12 characters [type=string_too_short, input_value='Hunter2xyz', input_type=str]",
      'Hunter2xyz',
    ],
    [
      'express-validator',
      '{"errors":[{"type":"field","value":"Hunter2xyz","msg":"Invalid value","path":"password","location":"body"}]}',
      'Hunter2xyz',
    ],
    [
      'express-validator, printed',
      "{ value: 'Hunter2xyz', msg: 'Invalid value', param: 'password', location: 'body' }",
      'Hunter2xyz',
    ],
    [
      'Zod 3 (value and message)',
      '[\n  {\n    "received": "Hunter2xyz",\n    "code": "invalid_enum_value",\n    "options": [\n      "a",\n      "b"\n    ],\n    "path": [\n      "password"\n    ],\n    "message": "Invalid enum value. Expected \'a\' | \'b\', received \'Hunter2xyz\'"\n  }\n]',
      'Hunter2xyz',
    ],
    [
      'Ajv verbose',
      '[{"keyword":"minLength","dataPath":".password","schemaPath":"#/properties/password/minLength","params":{"limit":20},"message":"should NOT be shorter than 20 characters","schema":20,"parentSchema":{"type":"string","minLength":20},"data":"Hunter2xyz"}]',
      'Hunter2xyz',
    ],
    [
      'FastAPI / pydantic JSON',
      '{"detail":[{"type":"string_too_short","loc":["body","password"],"msg":"String should have at least 8 characters","input":"Hunter2xyz","ctx":{"min_length":8}}]}',
      'Hunter2xyz',
    ],
    [
      'Sequelize ValidationErrorItem, printed',
      "ValidationErrorItem { message: 'api_key must be unique', type: 'unique violation', path: 'api_key', value: 'Hunter2xyz' }",
      'Hunter2xyz',
    ],
  ])('%s: the echoed value is redacted', (_name, text, needle) => hides(text, needle));

  it('reads the same formats written inside a JSON string (escaped quotes)', () => {
    for (const text of [
      '"password" with value "Hunter2xyz" fails',
      'Cast to ObjectId failed for value "Hunter2xyz" (type string) at path "token"',
      '{"value":"Hunter2xyz","path":"password"}',
    ])
      hides(JSON.stringify({ error: 'bad request', detail: text }), 'Hunter2xyz');
  });

  it('keeps a field error that echoes the value out of the store', () => {
    const r = createResilience();
    r.capture({
      status: 422,
      errors: { password: ['"password" with value "Hunter2xyz" fails to match the required pattern'] },
    });
    r.capture(
      new HttpError({
        status: 409,
        bodyExcerpt: JSON.stringify({ detail: 'Key (api_key)=(abc123def456ghi) already exists.' }),
      }),
    );
    const state = JSON.stringify(r.store.getState());
    expect(state).not.toContain('Hunter2xyz');
    expect(state).not.toContain('abc123def456ghi');
  });

  it('keeps the names, the rest of the message and the values of harmless fields', () => {
    expect(redactString("Duplicate entry 'abc123def456ghi' for key 'users.api_key'")).toBe(
      "Duplicate entry '[REDACTED]' for key 'users.api_key'",
    );
    expect(redactString('Key (user_id, token)=(42, abc123def456ghi) already exists.')).toBe(
      'Key (user_id, token)=([REDACTED]) already exists.',
    );
    expect(
      redactString('The "password" argument must be of type string. Received type number (48291377)'),
    ).toBe('The "password" argument must be of type string. Received type number ([REDACTED])');
  });
});

describe('credential pairs, PINs, prose and code forms, escaped pairs (break-it pass 2: L2, L4, L6, L9, L10)', () => {
  it('L4: an email:password pair keeps neither part; user:password@host without a scheme loses the password', () => {
    hides('login ada@example.com:Hunter2xyz failed', 'ada@example.com', 'Hunter2xyz');
    hides('combo list line: grace.h@mail.example:S3cret!pass', 'grace.h@mail.example', 'S3cret!pass');
    expect(redactString('connecting to ada:Hunter2xyz@db.internal:5432')).toBe(
      'connecting to ada:[REDACTED]@db.internal:5432',
    );
  });

  it('L2: a PIN or OTP before a reason word, and a 3-word passphrase holding one reason word, are secrets', () => {
    for (const text of [
      'pin: 4821 incorrect',
      'PIN: 4821 is incorrect',
      'otp: 4821 expired',
      'password: 4821 incorrect',
    ])
      hides(text, '4821');
    hides('password: invalid horse battery', 'horse battery');
    hides('passphrase: wrong pending cabbage', 'pending cabbage');
    const r = createResilience();
    r.capture(new HttpError({ status: 401, bodyExcerpt: '{"error":"PIN: 4821 is incorrect"}' }));
    expect(JSON.stringify(r.store.getState())).not.toContain('4821');
  });

  it.each([
    ['password is Hunter2xyz', 'Hunter2xyz'],
    ['password was "Hunter2xyz"', 'Hunter2xyz'],
    ['the password was "x1y2z3"', 'x1y2z3'],
    ['password - Hunter2xyz', 'Hunter2xyz'],
    ['password == "Hunter2xyz"', 'Hunter2xyz'],
    ['assert password === "Hunter2xyz"', 'Hunter2xyz'],
    ['if (token !== "abc123def456ghi") throw', 'abc123def456ghi'],
    ['setPassword("Hunter2xyz")', 'Hunter2xyz'],
    ["withApiKey('abc123def456ghi', opts)", 'abc123def456ghi'],
    ["password => 'Hunter2xyz'", 'Hunter2xyz'],
    ['cvv 123', '123'],
    ['PIN 4821', '4821'],
    ['your verification code 482913', '482913'],
  ])('L6: redacts %j', (text, secret) => hides(text, secret));

  it.each([
    ['&lt;password&gt;Hunter2xyz&lt;/password&gt;', 'Hunter2xyz'],
    ['password&#61;Hunter2xyz', 'Hunter2xyz'],
    ['password&#x3D;Hunter2xyz', 'Hunter2xyz'],
    ['&quot;password&quot;:&quot;Hunter2xyz&quot;,&quot;user&quot;:&quot;ada&quot;', 'Hunter2xyz'],
    ['token%253Dabc123def456ghi', 'abc123def456ghi'],
    ['x-functions-key: abcDEF123456==', 'abcDEF123456'],
  ])('L9: redacts the escaped or encoded pair %j', (text, secret) => hides(text, secret));

  it('L9: a twice-encoded query value ends at its twice-encoded `&`', () => {
    expect(redactString('redirect=%2Fcb%253Ftoken%253Dabc123def456ghi%2526page%253D2')).toBe(
      'redirect=%2Fcb%253Ftoken%253D[REDACTED]%2526page%253D2',
    );
  });

  it('L10: a key starting with a digit, and the words after a token-shaped first word', () => {
    expect(redactString('2fa-code=482913')).toBe('2fa-code=[REDACTED]');
    hides('password=sk-abcdefghijklmnopqrstuvwx second3word tail', 'second3word');
    // A replaced token followed by plain words still ends there.
    expect(redactString('api_key=sk-abcdefghijklmnopqrstuvwx was rejected')).toBe(
      'api_key=[REDACTED] was rejected',
    );
  });
});

describe('reasons and placeholders stay (break-it pass 2: F5, F6) and near-misses are kept', () => {
  it('F5: a time phrase after token: is a reason', () => {
    expect(redactString('token: expired 2 hours ago')).toBe('token: expired 2 hours ago');
  });

  it('F6: a bind placeholder after a secret column is not a value that swallows WHERE', () => {
    for (const sql of [
      'UPDATE users SET password_hash = $1 WHERE id = $2',
      'UPDATE users SET password = ? WHERE id = ?',
      'UPDATE users SET password = :password WHERE id = :id',
      'UPDATE users SET password = %(pw)s WHERE id = %(id)s',
      'UPDATE users SET password=@p1 WHERE id=@p2',
    ])
      expect(redactString(sql)).toBe(sql); // A named placeholder must repeat the key: a password that starts with `@` or `:` is still one.
    for (const text of ['password=@dmin', 'password=:secret', 'password={Hunter2}'])
      hides(text, text.slice(9));
  });

  it.each(echoBenign)('keeps %j', (text) => expect(redactString(text)).toBe(text));
});

describe('the new rules are linear', () => {
  // Each rule reads a bounded window per match: ten times the text must take about ten times as long
  // (quadratic work would take a hundred times; the margin is for a loaded shared machine).
  it.each([
    '{"value":',
    "received '",
    'for value "',
    'Path `a` (`',
    'The "a" argument. Received ',
    'a:b@c ',
    'a@b.co:Xy1 ',
    'password is x ',
    'setPassword("a") ',
    '&lt;password&gt;',
  ])(
    'redacts 500 kB of %j in time linear in its length',
    (unit) => {
      const small = unit.repeat(Math.ceil(50_000 / unit.length));
      const large = unit.repeat(Math.ceil(500_000 / unit.length));
      const ratio =
        fastest(() => redactString(large, large.length)) /
        Math.max(
          1,
          fastest(() => redactString(small, small.length)),
        );
      expect(ratio).toBeLessThan(60);
    },
    60_000,
  );
});
