/**
 * Key names whose values are secrets, decided on whole words of the name (camelCase, snake_case,
 * kebab-case, dotted paths), never on substrings: `accessToken`, `password_confirmation`,
 * `X-API-Key` and `connect.sid` are secret; `maxTokens`, `tokenExpiresAt`, `signatureAlgorithm`,
 * `cookieConsent`, `bypass` and `compass` are not. The last word decides (the name's head noun),
 * after dropping words that only qualify it (`confirmation`, `hash`, `value`, …), a trailing number
 * or version (`password1`, `apiKeyV2`) and a plural's `s` (`tokens`, `apiKeys`; but a count such as
 * `maxTokens` or `promptTokens` is not a secret).
 */
const HEADS =
  /^(pass(w(or)?d|phrase|code)?|pwd?|secret|token|credential|cookie|(proxy)?authorization|auth|jwt|jwk|pem|otp|totp|pin|cv[cv]2?|ssn|iban|sid|sessid|session|signature|sig|phone|mobile|msisdn|tel|csrf|xsrf|passwort|kennwort|wachtwoord|contrasena|contraseña|senha|losenord|lösenord|adgangskode|salasana|hasło|haslo|heslo|jelszó|пароль|密码|密碼|口令|パスワード|暗証番号|비밀번호|סיסמה)$/;
/** Two or three last words that together name a secret: `apiKey`, `sessionId`, `otpCode`, … */
const PAIRS =
  /^((api|private|secret|access|signing|encryption|client|master|license|session|auth|account|shared|subscription|functions)(key|token)|(session|sess)id|(card|cc|account|routing|phone|mobile)(number|num|no)|(security|otp|totp|mfa|2fa|twofactor|onetime|verification|verify|pin|sms|auth|recovery|backup|reset)code|secretkeybase|motdepasse)$/;
/** One glued lowercase word that ends in a secret name: `accesstoken`, `apikey`, `phpsessid`. */
const GLUED = /(password|passwd|token|secret|apikey|sessionid|sessid|privatekey)$/;
/** Trailing words that qualify a secret without making it harmless: `passwordConfirmation`, `tokenHash`. */
const QUALIFIERS =
  /^(confirmation|confirm|hash|digest|value|raw|plain|b64|base64|enc|encrypted|old|new|current|repeat|again|input|v)$/;
/** Words before a plural that make it a count, not secrets: `maxTokens`, `promptTokens`, `totalPins`. */
const COUNTS =
  /^(max|min|num|number|total|count|limit|input|output|prompt|completion|cached|reasoning|used|remaining|estimated|allowed)$/;
/** Characters that hide a key from a word match without being seen: zero-width spaces and joiners, soft hyphen. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;

/**
 * The words of a key name, lower-cased: `XMLHttpRequest` → `xml http request`; `x-api-key` → `x api
 * key`. Full-width and other compatibility forms are folded (NFKC) and invisible characters dropped
 * first, so `pass\u200Bword` and `ｐａｓｓｗｏｒｄ` read as `password`.
 */
export function keyWords(key: string): string[] {
  if (!/[^\x20-\x7e]/.test(key))
    return (key.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((word) => word.toLowerCase());
  // Letters of any script (`Passwort`, `contraseña`, `пароль`, `密码`): a default name in another
  // language is a secret name too (break-it pass 2, L5). CJK and kana have no case: one run is one word.
  const folded = key.normalize('NFKC').replace(INVISIBLE, '');
  return (folded.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?[\p{Ll}\p{M}]+|[\p{Lo}\p{Lm}\p{M}]+|\d+/gu) ?? []).map(
    (word) => word.toLowerCase(),
  );
}

/** Secret names in scripts written without spaces: the run `用户密码` ends in one. */
const UNSPACED = /(密码|密碼|口令|パスワード|暗証番号|비밀번호)$/;

const isHead = (words: readonly string[]): boolean => {
  const last = words.at(-1) ?? '';
  return (
    HEADS.test(last) ||
    UNSPACED.test(last) ||
    PAIRS.test(words.slice(-2).join('')) ||
    PAIRS.test(words.slice(-3).join('')) ||
    (last.length > 6 && GLUED.test(last))
  );
};

/** True when a value stored under `key` is a secret by its name alone. */
export function isSecretKeyName(key: string): boolean {
  const words = keyWords(key.slice(0, 100));
  // `password1`, `apiKey2`, `tokenV2`: a trailing number or version names which one, not what it is.
  while (
    words.length > 1 &&
    (/^\d+$/.test(words.at(-1) as string) || QUALIFIERS.test(words.at(-1) as string))
  )
    words.pop();
  if (isHead(words)) return true;
  const last = words.at(-1) ?? '';
  // A plural of a secret (`tokens`, `apiKeys`, `passwords`) unless a count word precedes it.
  if (last.length < 4 || !last.endsWith('s') || words.slice(0, -1).some((word) => COUNTS.test(word)))
    return false;
  return isHead([...words.slice(0, -1), last.slice(0, -1)]) && last !== 'jwks';
}
