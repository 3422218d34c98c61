import type * as SentryReact from '@sentry/react';
import type { Severity } from '../core/errors/types';
import type { Degradation } from '../core/degradation/types';
import type { Reporter } from '../core/reporting/types';
import type { ErrorRecord } from '../core/types';
import type { AppError } from '../core/errors/app-error';
import { thrownType } from '../core/errors/thrown-type';

/** Options for {@link createSentryReporter}. */
export interface SentryReporterOptions {
  /** The app's own `@sentry/react` (or `@sentry/browser`) namespace; bulwark bundles none of Sentry. */
  Sentry: Pick<typeof SentryReact, 'captureException'>;
  /**
   * The app's degradation state, for the `bulwark.degradation` and `bulwark.breakers` tags; a function
   * because the reporter is usually created before the resilience instance it reports for.
   * @default undefined (no such tags)
   * @example () => resilience.degradation
   */
  degradation?: () => Pick<Degradation, 'getSnapshot'> | undefined;
  /** Tags added to every event. @default {} */
  tags?: Readonly<Record<string, string>>;
}

/** Sentry's level for each severity. */
export const SENTRY_LEVELS: Readonly<Record<Severity, 'info' | 'warning' | 'error' | 'fatal'>> = {
  info: 'info',
  warning: 'warning',
  error: 'error',
  critical: 'fatal',
};

/** Sentry keeps tag values up to 200 characters. */
const tagValue = (value: string): string => (value.length > 200 ? `${value.slice(0, 199)}…` : value);

const tagsOf = (record: ErrorRecord, options: SentryReporterOptions): Record<string, string> => {
  const { error, context } = record;
  const tags: Record<string, string | undefined> = {
    ...options.tags,
    ...context.tags,
    'bulwark.kind': error.kind,
    'bulwark.severity': error.severity,
    'bulwark.code': error.code,
    'bulwark.source': context.source ?? 'manual',
    'bulwark.boundary.level': context.level,
    'bulwark.boundary.name': context.name,
    'bulwark.feature': context.feature,
    'bulwark.user_action': context.userAction,
  };
  const snapshot = options.degradation?.()?.getSnapshot();
  if (snapshot) {
    tags['bulwark.degradation'] = snapshot.level;
    tags['bulwark.breakers.open'] = snapshot.openBreakers.join(',') || 'none';
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) if (value !== undefined) out[key] = tagValue(value);
  return out;
};

/**
 * The error as Sentry should see it: the same AppError (every field, `cause` for linked errors, `originalException`
 * in `beforeSend`), named after what was thrown, so the issue is titled `TypeError: …`, not `AppError: …` (issue 13).
 */
const asThrown = (error: AppError): AppError => {
  const type = thrownType(error);
  return type === error.name ? error : (Object.create(error, { name: { value: type } }) as AppError);
};

/**
 * A reporter that sends what `capture` decided to report through the app's `Sentry.captureException`:
 * the redacted error titled by the thrown error's own type (`TypeError`), bulwark's fingerprint (so Sentry groups as bulwark does), tags (kind, severity,
 * code, source, boundary level and name, feature, user action, degradation level, open breakers), the
 * level mapped from severity ({@link SENTRY_LEVELS}) and a `bulwark` context with the occurrence count.
 * Never calls `Sentry.init`; pair it with `bulwarkSentryOptions` in the app's own `init`. A throwing
 * `captureException` is caught by the report dispatcher.
 *
 * @example
 * import * as Sentry from '@sentry/react';
 * let resilience: Resilience;
 * const sentry = createSentryReporter({ Sentry, degradation: () => resilience.degradation });
 * resilience = createResilience({ reporters: [sentry] });
 */
export function createSentryReporter(options: SentryReporterOptions): Reporter {
  return {
    name: 'sentry',
    report: (record) => {
      const { error, context } = record;
      options.Sentry.captureException(asThrown(error), {
        fingerprint: [record.fingerprint],
        level: SENTRY_LEVELS[error.severity],
        tags: tagsOf(record, options),
        contexts: {
          bulwark: {
            count: record.count,
            firstSeen: new Date(record.firstSeen).toISOString(),
            lastSeen: new Date(record.lastSeen).toISOString(),
            retryable: error.retryable,
            status: error.status,
            attempts: context.attempts,
            componentStack: context.componentStack,
          },
          // The error's own (redacted) context, at the top of a context so Sentry's depth limit keeps it.
          ...(error.context && { bulwark_error: error.context }),
        },
      });
    },
  };
}
