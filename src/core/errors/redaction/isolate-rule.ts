import { isDevelopment } from '../../is-development';
import { statelessRegExp } from './key-list';
import type { RedactionRule } from './types';

const isRegExp = (value: unknown): value is RegExp =>
  Object.prototype.toString.call(value) === '[object RegExp]';

/**
 * An app's rule as the redactor runs it (issue 9, break-it pass 3: N1, T1). Its `keywords` are copied
 * without `g`/`y` (a global RegExp's `test` resumes where its last match ended, so every second match
 * was kept). Its `test` and `secretEnd` are app code run on every string of every capture, as a reporter
 * or listener is: one that throws fails closed for that text alone (a throwing `test` counts as a match,
 * so the candidate is replaced; a throwing `secretEnd` takes the rest of the text as the secret), the
 * other rules and the rest of the record are kept, and the error is reported once per redactor in
 * development. Throws a `TypeError` when the rule has no RegExp `pattern` (or a `keywords` that is not
 * one), when the redactor is created.
 */
export function isolateRule(rule: RedactionRule): RedactionRule {
  const id = String((rule as Partial<RedactionRule> | null)?.id);
  if (!isRegExp(rule?.pattern)) throw new TypeError(`bulwark: redaction rule "${id}" needs a RegExp pattern`);
  if (rule.keywords !== undefined && !isRegExp(rule.keywords))
    throw new TypeError(`bulwark: the keywords of redaction rule "${id}" must be a RegExp`);
  const { test, secretEnd } = rule;
  let reported = false;
  const failed = (error: unknown): void => {
    if (reported || !isDevelopment()) return;
    reported = true;
    console.warn(
      `bulwark: redaction rule "${id}" threw; what it was checking is redacted (fail closed).`,
      error,
    );
  };
  return {
    ...rule,
    // A copy: the trigger search is worked out once per list, and the app may change its own list later
    // (a redactor made after that must see the new words, findings-11e E1).
    ...(rule.triggers && { triggers: [...rule.triggers] }),
    ...(rule.keywords && { keywords: statelessRegExp(rule.keywords) }),
    ...(test && {
      test: (match, context) => {
        try {
          return test.call(rule, match, context);
        } catch (error) {
          failed(error);
          return true;
        }
      },
    }),
    ...(secretEnd && {
      secretEnd: (text, start, match, context) => {
        try {
          return secretEnd.call(rule, text, start, match, context);
        } catch (error) {
          failed(error);
          return text.length;
        }
      },
    }),
  };
}
