/**
 * Values under a secret-sounding name that are not secrets (issue 9, findings-9c W4): what would be
 * wiped is the one fact needed to act on the report.
 *
 * - fetch's `RequestInit.credentials` is a mode, one of three words (`omit`, `same-origin`,
 *   `include`), as apps attach the init of a failed fetch; any other value under `credentials` is
 *   still a secret.
 * - An AWS Secrets Manager ARN's `:secret:<name>` names which secret was asked for (the fact needed to
 *   fix an IAM policy); the secret's value never appears in an ARN.
 */

const FETCH_CREDENTIALS_MODE = /^(?:omit|same-origin|include)$/;
/** `credentials` as a whole word at the end of a name (`credentials`, `init.credentials`, `"credentials"`). */
const CREDENTIALS_NAME = /(?:^|[^A-Za-z])credentials[\\"'\]]*$/i;
/** The ARN before a `secret:` key: `arn:aws:secretsmanager:<region>:<account>:`. */
const SECRETS_MANAGER_ARN = /\barn:aws[\w-]{0,20}:secretsmanager:[\w-]{0,30}:\d{12}:?$/;

/** True when `value`, stored under the secret name `key`, is a setting rather than a secret. */
export const isSettingValue = (key: string, value: string): boolean =>
  FETCH_CREDENTIALS_MODE.test(value) && CREDENTIALS_NAME.test(key);

/** True when the key starting at `at` in `text` is the `secret` part of a Secrets Manager ARN. */
export const isArnSecretName = (text: string, at: number): boolean =>
  SECRETS_MANAGER_ARN.test(text.slice(Math.max(0, at - 100), at));
