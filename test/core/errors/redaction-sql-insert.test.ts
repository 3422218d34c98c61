import { describe, expect, it } from 'vitest';
import { createRedactor, createResilience, redactString } from 'bulwark/core';
import { fastest } from '../../helpers/fastest';
import { hides } from '../../helpers/hides';

describe('SQL INSERT: values named by their column, not by a key beside them (issue 9, findings-9c N4)', () => {
  it.each([
    // knex: `${formatQuery(sql, bindings)} - ${message}`
    [
      `insert into "users" ("email", "password_hash", "api_token") values ('ada@example.com', 'Hunter2xyzHash', 'tok9f8e7d6c5b4a') returning "id" - duplicate key value violates unique constraint "users_email_unique"`,
      ['Hunter2xyzHash', 'tok9f8e7d6c5b4a'],
    ],
    [
      "insert into `users` (`email`, `password`) values ('ada@example.com', 'Hunter2xyz') - ER_DUP_ENTRY: Duplicate entry 'ada@example.com' for key 'users.email'",
      ['Hunter2xyz'],
    ],
    [
      `SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email [insert into users (email, password) values ('ada@example.com', 'Hunter2xyz')]`,
      ['Hunter2xyz'],
    ],
    // Sequelize's logging: placeholders in VALUES, the values by position in the bindings
    [
      'Executing (default): INSERT INTO "Users" ("id","email","password") VALUES (DEFAULT,$1,$2) RETURNING *; with bindings ["ada@example.com","Hunter2xyz"]',
      ['Hunter2xyz'],
    ],
  ])('%s', (text, secrets) => hides(text, ...secrets));

  it('pairs each column with its value: a secret column is replaced, the others stay', () => {
    expect(redactString(`insert into users (name, password, age) values ('ada', 'Hunter2xyz', 33)`)).toBe(
      `insert into users (name, password, age) values ('ada', '[REDACTED]', 33)`,
    );
    // Several rows, an escaped quote and a comma inside a value, a function call around the secret
    expect(
      redactString(
        `insert into users (name, pin, token) values ('ada', crypt('Hunter2', gen_salt('bf')), 'it''s, tok'), ('bob', 4821, "x,y")`,
      ),
    ).toBe(
      `insert into users (name, pin, token) values ('ada', [REDACTED], '[REDACTED]'), ('bob', [REDACTED], "[REDACTED]")`,
    );
    // A quoted value starting with a space or a bracket is still the value.
    expect(redactString(`insert into users (name, password) values ('ada', ' (Hunter2')`)).toBe(
      `insert into users (name, password) values ('ada', '[REDACTED]')`,
    );
    // A table without secret columns is kept whole.
    const orders = `insert into orders (id, total, currency) values (1042, 19.99, 'EUR')`;
    expect(redactString(orders)).toBe(orders);
  });

  it('follows `$n` and `?` placeholders into the bindings or parameters after the statement (TypeORM, mysql2)', () => {
    expect(
      redactString(
        `QueryFailedError: INSERT INTO "user"("name", "password", "age") VALUES ($1, $2, $3) RETURNING "id" -- PARAMETERS: ["ada","Hunter2xyz",33]`,
      ),
    ).toBe(
      `QueryFailedError: INSERT INTO "user"("name", "password", "age") VALUES ($1, $2, $3) RETURNING "id" -- PARAMETERS: ["ada","[REDACTED]",33]`,
    );
    expect(redactString('INSERT INTO t (a, secret) VALUES (?, ?) params: [1, "Hunter2xyz"]')).toBe(
      'INSERT INTO t (a, secret) VALUES (?, ?) params: [1, "[REDACTED]"]',
    );
  });

  it('replaces a value the text was cut inside to its end, and honours the app’s key names', () => {
    hides(`insert into users (name, password) values ('ada', 'Hunter2xyz`, 'Hunter2xyz');
    const redactor = createRedactor({ keys: ['ssn_last4'] });
    expect(redactor.redactString(`insert into people (name, ssn_last4) values ('ada', '6789')`)).toBe(
      `insert into people (name, ssn_last4) values ('ada', '[REDACTED]')`,
    );
  });

  it('reaches the store from a thrown knex-style error (message and stack)', () => {
    const resilience = createResilience();
    resilience.capture(
      new Error(
        `insert into "users" ("email", "password") values ('ada@example.com', 'Hunter2xyz') returning "id" - duplicate key value violates unique constraint "users_email_unique"`,
      ),
    );
    expect(JSON.stringify(resilience.store.getState())).not.toContain('Hunter2xyz');
  });

  it('does bounded work on hostile lists and statements', () => {
    for (const text of [
      '(,'.repeat(10_000),
      '(a'.repeat(10_000),
      'insert into x ('.repeat(1_300),
      "insert into x (password) values ('a,".repeat(500),
      'insert into x (a,b,password) values (1,2,3),'.repeat(450),
    ])
      expect(fastest(() => redactString(text))).toBeLessThan(250);
  });
});
