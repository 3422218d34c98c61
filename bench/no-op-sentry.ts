import * as Sentry from '@sentry/react';

/**
 * Sentry as an app starts it, its transport answering every envelope at once: the peer's own cost, with
 * nothing sent. Once per page or process.
 */
export function initNoOpSentry(): void {
  if (Sentry.getClient()) return;
  Sentry.init({
    dsn: 'http://public@127.0.0.1:9/1',
    transport: (options) => Sentry.createTransport(options, () => Promise.resolve({})),
    defaultIntegrations: false,
    integrations: [
      Sentry.eventFiltersIntegration(),
      Sentry.functionToStringIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.linkedErrorsIntegration(),
    ],
  });
}
