// Values named by their position in a format string (issue 9, findings-9c N7): console `%s` breadcrumbs,
// `Sentry.logger.fmt` (`sentry.message.parameter.N`) and `Sentry.parameterize` (`logentry.params`),
// through a real @sentry/react posting to an ingest stand-in on 127.0.0.1.
import * as Sentry from '@sentry/react';
import { bulwarkSentryOptions } from 'bulwark/sentry';
import { describe, expect, it } from 'vitest';
import { createPayloadScrubber } from '../../src/sentry/scrub-payload';
import { serveEnvelopesPerFile } from '../helpers/envelope-server';

const server = serveEnvelopesPerFile(Sentry);
const sentText = () => server.envelopes.map((envelope) => envelope.raw).join('\n');
/** Breadcrumbs live on the isolation scope across tests of one file: each test starts without any. */
const clearBreadcrumbs = () => {
  for (const scope of [Sentry.getGlobalScope(), Sentry.getIsolationScope(), Sentry.getCurrentScope()])
    scope.clearBreadcrumbs();
};

describe('parameters named by their place in a template reach Sentry redacted', () => {
  it("a console breadcrumb of `console.error('… password %s', user, pw)`: its arguments and message", async () => {
    clearBreadcrumbs();
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
    // What Sentry's Breadcrumbs integration records for a console call: the arguments joined, and them.
    Sentry.addBreadcrumb({
      category: 'console',
      level: 'error',
      message: 'Login failed for %s with password %s ada Hunter2xyzFmt',
      data: {
        arguments: ['Login failed for %s with password %s', 'ada', 'Hunter2xyzFmt'],
        logger: 'console',
      },
    });
    Sentry.captureException(new Error('login failed'));
    await Sentry.flush(5000);
    expect(server.items('event').length).toBeGreaterThan(0);
    expect(sentText()).not.toContain('Hunter2xyzFmt');
    // The user name, named by no secret word, is kept.
    expect(sentText()).toContain('"ada"');
  });

  it('Sentry.logger.fmt`password=${pw}`: the log’s sentry.message.parameter.0 and body', async () => {
    clearBreadcrumbs();
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
    const pw = 'Hunter2xyzLog';
    Sentry.logger.info(Sentry.logger.fmt`login retried with password ${pw} for ${'ada'}`);
    Sentry.logger.warn(Sentry.logger.fmt`login retried with password=${`${pw}2`} for ${'ada'}`);
    Sentry.captureException(new Error('flush logs with an event'));
    await Sentry.flush(5000);
    const logs = JSON.stringify(server.items('log'));
    expect(logs).toContain('sentry.message.parameter.0');
    expect(logs).toContain('sentry.message.parameter.1');
    expect(logs).not.toContain(pw);
  });

  it('a query breadcrumb with an INSERT statement (findings-9c N4 through Sentry)', async () => {
    clearBreadcrumbs();
    Sentry.init({ dsn: server.dsn, ...bulwarkSentryOptions({ Sentry }) });
    Sentry.addBreadcrumb({
      category: 'query',
      message: "insert into users (email, password) values ('ada@example.com', 'Hunter2xyzSql')",
    });
    Sentry.captureException(new Error('signup failed'));
    await Sentry.flush(5000);
    expect(server.items('event').length).toBeGreaterThan(0);
    expect(sentText()).not.toContain('Hunter2xyzSql');
  });

  it('Sentry.captureMessage(Sentry.parameterize`…password ${pw}…`): logentry.params and the message', async () => {
    clearBreadcrumbs();
    Sentry.init({ dsn: server.dsn, attachStacktrace: true, ...bulwarkSentryOptions({ Sentry }) });
    const pw = 'Hunter2xyzPar';
    Sentry.captureMessage(Sentry.parameterize`reset failed, temp password ${pw} for ${'ada'}`);
    Sentry.captureMessage(Sentry.parameterize`reset failed, temp password=${`${pw}2`} for ${'ada'}`);
    await Sentry.flush(5000);
    const events = JSON.stringify(server.items('event'));
    expect(events).toContain('logentry');
    expect(events).not.toContain(pw);
  });
});

describe('the positional scrub, alone', () => {
  const scrub = createPayloadScrubber({}, { stripQueries: false });

  it('names console arguments without placeholders by the argument before them', () => {
    const safe = scrub({
      category: 'console',
      message: 'password: Hunter2xyz attempt 3',
      data: { arguments: ['password:', 'Hunter2xyz', 'attempt', 3] },
    });
    expect(JSON.stringify(safe)).not.toContain('Hunter2xyz');
    expect(safe).toMatchObject({ data: { arguments: ['password:', '[REDACTED]', 'attempt', 3] } });
  });

  it('keeps what tells "set" from "missing" (a count, a boolean) and parameters named by no secret word', () => {
    const safe = scrub({
      logentry: { message: 'retry %s of user %s, pin %s, token %s', params: [2, 'ada', 4821, true] },
      message: 'retry 2 of user ada, pin 4821, token true',
    });
    expect(safe).toEqual({
      logentry: { message: 'retry %s of user %s, pin %s, token %s', params: [2, 'ada', '[REDACTED]', true] },
      message: 'retry 2 of user ada, pin [REDACTED], token true',
    });
  });

  it('reads `%%` as a literal percent, not a placeholder', () => {
    const safe = scrub({
      logentry: { message: '100%% of password %s', params: ['Hunter2xyz'] },
    });
    expect(JSON.stringify(safe)).not.toContain('Hunter2xyz');
  });
});
