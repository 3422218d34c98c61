// Planted secrets for the redaction corpus (issue 9): at least 200 of at least 15 kinds. Each has the
// snippet an app would really write (`text`) and the parts that must never leave the page (`needles`).
// Values are made up and made distinct per index, so a needle can only come from its own secret.
import { digits, random, withLuhn } from './generate';

/** One planted secret. */
export interface PlantedSecret {
  kind: string;
  /** The secret as it appears in text: `password=…`, `Authorization: Bearer …`, `card 4539 …`. */
  text: string;
  /** Substrings that must not survive anywhere (the secret, and its parts for multi-word ones). */
  needles: string[];
}

const upper = (seed: number, length: number) => random(seed, length, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');

/** An IBAN with correct check digits for a country and a BBAN. */
const iban = (country: string, bban: string): string => {
  const numeric = Array.from(`${bban}${country}00`, (c) => parseInt(c, 36)).join('');
  let rest = 0;
  for (const c of numeric) rest = (rest * 10 + +c) % 97;
  return `${country}${String(98 - rest).padStart(2, '0')}${bban}`;
};
const grouped = (text: string, size = 4, separator = ' ') =>
  text.match(new RegExp(`.{1,${size}}`, 'g'))?.join(separator) ?? text;

/** A short hex group for an IPv6 address, from a value. */
const i0 = (v: string) => (v.charCodeAt(0) % 255).toString(16);
const base64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => base64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

type Maker = (i: number) => Omit<PlantedSecret, 'kind'>;
const plain =
  (text: (v: string) => string, value: (i: number) => string): Maker =>
  (i) => {
    const v = value(i);
    return { text: text(v), needles: [v] };
  };

const KINDS: Record<string, Maker> = {
  'password (key=value)': plain(
    (v) => `password=${v}`,
    (i) => `Pw${random(i, 10)}!`,
  ),
  'passphrase (key: several words)': (i) => {
    const words = ['correct', 'horse', 'battery', `staple${random(i, 4)}`];
    return { text: `password: ${words.join(' ')}`, needles: [words.slice(1).join(' '), words[3] as string] };
  },
  'api key (JSON)': plain(
    (v) => `"api_key": "${v}"`,
    (i) => random(i + 100, 32),
  ),
  'client secret (query)': plain(
    (v) => `client_secret=${v}`,
    (i) => random(i + 200, 24),
  ),
  'bearer token': plain(
    (v) => `Authorization: Bearer ${v}`,
    (i) => `${random(i + 300, 24)}.${random(i, 8)}`,
  ),
  'basic auth': plain(
    (v) => `Authorization: Basic ${v}`,
    (i) => base64(`ada:${random(i + 400, 12)}`),
  ),
  jwt: plain(
    (v) => `token ${v}`,
    (i) =>
      `eyJ${b64url(`hbGciOiJIUzI1NiJ9${i}`)}.eyJ${b64url(`{"sub":"${random(i, 6)}"}`)}.${random(i + 500, 43)}`,
  ),
  'aws access key id': plain(
    (v) => `aws key ${v} rejected`,
    (i) => `AKIA${upper(i + 600, 16)}`,
  ),
  'github token': plain(
    (v) => `git push with ${v}`,
    (i) => `ghp_${random(i + 700, 36)}`,
  ),
  'github fine-grained token': plain(
    (v) => `GH ${v}`,
    (i) => `github_pat_${random(i + 800, 22)}_${random(i, 59)}`,
  ),
  'slack token': plain(
    (v) => `slack ${v}`,
    (i) => `xoxb-${digits(i, 12)}-${random(i + 900, 24)}`,
  ),
  'stripe key': plain(
    (v) => `stripe ${v}`,
    (i) => `sk_live_${random(i + 1000, 24)}`,
  ),
  'google api key': plain(
    (v) => `maps key=${v}`,
    (i) => `AIza${random(i + 1100, 35)}`,
  ),
  'openai key': plain(
    (v) => `OPENAI ${v}`,
    (i) => `sk-proj-${random(i + 1200, 40)}`,
  ),
  'url credentials': plain(
    (v) => `postgres://app:${v}@db.internal:5432/orders`,
    (i) => random(i + 1300, 14),
  ),
  'session cookie': plain(
    (v) => `session=${v}`,
    (i) => random(i + 1400, 20),
  ),
  'connect.sid cookie': plain(
    (v) => `connect.sid=s%3A${v}`,
    (i) => `${random(i + 1500, 24)}.${random(i, 10)}`,
  ),
  'cookie header': (i) => {
    const a = random(i + 1600, 16);
    const b = random(i + 1700, 16);
    return { text: `Cookie: theme=dark; sid=${a}; csrftoken=${b}`, needles: [a, b] };
  },
  'card number (grouped)': plain(
    (v) => `paid with ${v}`,
    (i) => grouped(withLuhn(`4${digits(i + 1800, 14)}`)),
  ),
  'card number (card word, ungrouped)': plain(
    (v) => `card ${v} declined`,
    (i) => withLuhn(`5${'12345'[i % 5]}${digits(i + 1900, 13)}`),
  ),
  // Break-it pass 2 (L1): the card fields come after the number (Stripe createToken, Braintree).
  'card number (card fields after it)': plain(
    (v) => `{"number":"${v}","exp_month":12,"exp_year":2030}`,
    (i) => withLuhn(`4${digits(i + 1950, 14)}`),
  ),
  iban: plain(
    (v) => `refund to ${v}`,
    (i) => iban(['DE', 'FR', 'NL', 'ES'][i % 4] as string, digits(i + 2000, 18)),
  ),
  'iban (grouped)': plain(
    (v) => `IBAN ${v}`,
    (i) => grouped(iban('GB', `WEST${digits(i + 2100, 14)}`)),
  ),
  email: plain(
    (v) => `user ${v} not found`,
    (i) => `ada.${random(i + 2200, 6).toLowerCase()}@example.org`,
  ),
  'email (percent-encoded)': plain(
    (v) => `/users/${v}/orders`,
    (i) => `grace${random(i + 2300, 5).toLowerCase()}%40mail.example`,
  ),
  phone: plain(
    (v) => `call ${v}`,
    (i) => `+44 20 ${digits(i + 2400, 4)} ${digits(i + 2500, 4)}`,
  ),
  'private key': plain(
    (v) => `-----BEGIN RSA PRIVATE KEY-----\n${v}\n-----END RSA PRIVATE KEY-----`,
    (i) => random(i + 2600, 64),
  ),
  'us ssn': plain(
    (v) => `ssn ${v}`,
    (i) => `${100 + (i % 500)}-${10 + (i % 80)}-${digits(i + 2700, 4).replace(/^0/, '1')}`,
  ),
  'npm token': plain(
    (v) => `//registry.npmjs.org/:_authToken=${v}`,
    (i) => `npm_${random(i + 2800, 36)}`,
  ),
  'url credentials (empty user, @ in password)': (i) => {
    const tail = random(i + 2950, 10);
    const password = `${random(i + 2900, 6)}@${tail}`;
    return { text: `redis://:${password}@cache:6379/0`, needles: [password, tail] };
  },
  'aws secret access key': plain(
    (v) => `aws secret ${v}`,
    (i) => `${random(i + 3000, 20)}/${random(i + 3100, 19)}`,
  ),
  'slack webhook url': plain(
    (v) => `POST https://hooks.slack.com/services/T0ACME000/B0HOOK000/${v}`,
    (i) => random(i + 3200, 24),
  ),
  'google oauth token': plain(
    (v) => `google said ${v}`,
    (i) => `ya29.a0${random(i + 3300, 40)}`,
  ),
  'oauth code (query, relative or encoded)': (i) => {
    const code = `4/0${random(i + 3400, 30)}`;
    const forms = [
      `GET /callback?code=${code}&state=xyz`,
      `api/session?code=${code}`,
      `redirect_uri=https%3A%2F%2Fapp%2Fcb%3Fcode%3D${encodeURIComponent(code)}`,
    ];
    return { text: forms[i % 3] as string, needles: [code.slice(3), encodeURIComponent(code).slice(5)] };
  },
  'jwt (glued or split across lines)': (i) => {
    const payload = `eyJ${b64url(`{"sub":"${random(i + 3500, 8)}"}`)}`;
    const signature = random(i + 3600, 43);
    const header = 'eyJhbGciOiJIUzI1NiJ9';
    const text =
      i % 2 ? `id_token_${header}.${payload}.${signature}` : `token\n${header}.\n${payload}.\n${signature}`;
    return { text, needles: [payload, signature] };
  },
  'token in a URL path': plain(
    (v) => `GET https://app.example/reset-password/${v}`,
    (i) => `${random(i + 3700, 20)}7`,
  ),
  'email (Unicode)': plain(
    (v) => `user ${v} not found`,
    (i) => `josé.${random(i + 3800, 5).toLowerCase()}@müller.example`,
  ),
  'phone (national, near a phone word)': plain(
    (v) => `call me at ${v}`,
    (i) => `${digits(i + 3900, 3).replace(/^[01]/, '4')} ${digits(i + 4000, 3)} ${digits(i + 4100, 4)}`,
  ),
  'card number (NBSP grouped)': plain(
    (v) => `card ${v}`,
    (i) => grouped(withLuhn(`4${digits(i + 4200, 14)}`), 4, '\u00a0'),
  ),
  'iban (lower case)': plain(
    (v) => `transfer to ${v} failed`,
    (i) => iban('DE', digits(i + 4300, 18)).toLowerCase(),
  ),
  'pgp private key': plain(
    (v) => `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${v}\n-----END PGP PRIVATE KEY BLOCK-----`,
    (i) => `lQOY${random(i + 4400, 60)}`,
  ),
  'vendor token (Hugging Face, Shopify, Google client secret)': plain(
    (v) => `deploy with ${v}`,
    (i) =>
      [
        `hf_${random(i + 4500, 34)}`,
        `shpat_${random(i + 4600, 32, '0123456789abcdef')}`,
        `GOCSPX-${random(i + 4700, 28)}`,
      ][i % 3] as string,
  ),
  // Key/value syntaxes and names of issue 9's findings L3–L5, L7, L8: the value's symbols and encodings
  // must not end the redaction early (`&` and spaces are tested apart: in the URL place they end a query value).
  'password with symbols (key=value)': (i) => {
    const tail = random(i + 2900, 8);
    return { text: `password=Tr0ub,${tail};{x}'${tail}z`, needles: [tail] };
  },
  'passphrase starting with a reason word': (i) => {
    const tail = random(i + 3000, 6).toLowerCase();
    return { text: `passphrase: no pain no gain ${tail}`, needles: [`pain no gain ${tail}`] };
  },
  'secret key name (plural, numbered, code)': (i) => {
    const key = ['password1', 'apiKeys', 'otpCode', 'verification_code', 'AccountKey', 'tokenV2'][
      i % 6
    ] as string;
    const v = `${random(i + 3100, 10)}7`;
    return { text: `${key}=${v}`, needles: [v] };
  },
  'encoded redirect token': plain(
    (v) => `redirect=%2Fcb%3Fx%3D1%26token%3D${v}%26y%3D2`,
    (i) => random(i + 3200, 18),
  ),
  'escaped JSON password': plain(
    (v) => `body: {\\"password\\":\\"${v}\\"}`,
    (i) => random(i + 3300, 12),
  ),
  'yaml password': plain(
    (v) => `config:\n  password:\n    ${v}`,
    (i) => random(i + 3400, 12),
  ),
  'xml password': plain(
    (v) => `<login><password>${v}</password></login>`,
    (i) => random(i + 3500, 12),
  ),
  'command line password': (i) => {
    const v = random(i + 3600, 12);
    const texts = [
      `mysql -uroot -p${v}`,
      `spawn app --password ${v}`,
      `curl -u admin:${v} https://x`,
      `IDENTIFIED BY '${v}'`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  // Break-it pass 2 (L8): a flag with `=`, as Node's `Command failed: <command line>` shows it.
  'command line flag with =': (i) => {
    const v = random(i + 3700, 14);
    const texts = [
      `Command failed: mysqldump --password=${v} app`,
      `node app.js --api-key=${v}`,
      `java -Dspring.datasource.password=${v} -jar app.jar`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  // Break-it pass 2 (L11): libraries and databases echo the value beside a secret-named column or field.
  'database echo (PostgreSQL, MySQL)': (i) => {
    const v = `${random(i + 3800, 12)}7`;
    const texts = [
      `duplicate key value violates unique constraint "users_api_key_key" DETAIL: Key (api_key)=(${v}) already exists.`,
      `Duplicate entry '${v}' for key 'users.api_key'`,
      `Incorrect integer value: '${v}' for column 'pin' at row 1`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  'validation echo (Joi, Mongoose, Node, Yup)': (i) => {
    const v = `${random(i + 3900, 10)}7`;
    const texts = [
      `"password" with value "${v}" fails to match the required pattern: /^[a-z]+$/`,
      `Validator failed for path \`password\` with value \`${v}\``,
      `Cast to ObjectId failed for value "${v}" (type string) at path "token"`,
      `The property 'options.passphrase' is invalid. Received '${v}'`,
      `password must be a \`number\` type, but the final value was: \`NaN\` (cast from the value \`"${v}"\`).`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  'validation error object echo (express-validator, Zod 3, pydantic)': (i) => {
    const v = `${random(i + 4000, 10)}7`;
    const texts = [
      `{"type":"field","value":"${v}","msg":"Invalid value","path":"password","location":"body"}`,
      `{"received":"${v}","code":"invalid_enum_value","path":["password"],"message":"Invalid enum value, received '${v}'"}`,
      `{"type":"string_too_short","loc":["body","password"],"msg":"too short","input":"${v}"}`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  // Break-it pass 2 (L4, L2, L6, L9, L10): credential pairs, PINs before a reason word, prose and code
  // forms, escaped and twice-encoded pairs.
  'email:password pair': (i) => {
    const v = `${random(i + 4100, 9)}7`;
    return { text: `login ada${i}@example.com:${v} failed`, needles: [v, `ada${i}@example.com`] };
  },
  'pin or otp before a reason word': (i) => {
    const v = digits(i + 4200, 4 + (i % 3)).replace(/^0/, '4');
    const texts = [
      `PIN: ${v} is incorrect`,
      `otp: ${v} expired`,
      `cvv ${v.slice(0, 3)}`,
      `verification code ${v}`,
    ];
    return { text: texts[i % texts.length] as string, needles: [i % 4 === 2 ? v.slice(0, 3) : v] };
  },
  'password in prose or code': (i) => {
    const v = `${random(i + 4300, 9)}7`;
    const texts = [
      `password is ${v}`,
      `the password was "${v}"`,
      `assert password === "${v}"`,
      `setPassword("${v}")`,
      `if (token !== "${v}") throw`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  'escaped or twice-encoded pair': (i) => {
    const v = `${random(i + 4400, 12)}7`;
    const texts = [
      `&lt;password&gt;${v}&lt;/password&gt;`,
      `password&#61;${v}`,
      `redirect=%2Fcb%253Ftoken%253D${v}`,
      `2fa-code=${digits(i + 4500, 6)}${v}`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  // Break-it pass 2 (L3): key and value separated by tabs, or a `.netrc` line.
  'tab-separated pair or .netrc': (i) => {
    const v = `${random(i + 5000, 11)}${i}`;
    const texts = [
      `password\t${v}`,
      `api_key\t\t${v}\tuser\tada`,
      `machine api.example.com login ada password ${v}`,
    ];
    return { text: texts[i % texts.length] as string, needles: [v] };
  },
  // Break-it pass 2 (L5): vendor shapes from gitleaks' rule set that had no rule.
  'vendor token (gitleaks shapes)': (i) => {
    const hex = (seed: number, length: number) => random(seed, length, '0123456789abcdef');
    const forms: [string, string][] = [
      [`https://discord.com/api/webhooks/${digits(i + 5100, 18)}/`, random(i + 5200, 68)],
      [`https://api.telegram.org/bot${digits(i + 5300, 9)}:`, `AA${random(i + 5400, 33)}`],
      [`twilio AC${hex(i + 5500, 32)}:`, hex(i + 5600, 32)],
      ['AGE-SECRET-KEY-1', random(i + 5700, 58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')],
      ['heroku ', `HRKU-AA${random(i + 5800, 58)}`],
      ['deploy ', `gldt-${random(i + 5900, 20)}`],
      ['databricks ', `dapi${hex(i + 6000, 32)}`],
      ['grafana ', `glsa_${random(i + 6100, 32)}_${hex(i + 6200, 8)}`],
      ['notion ', `ntn_${digits(i + 6300, 11)}${random(i + 6400, 35)}`],
    ];
    const [prefix, secret] = forms[i % forms.length] as [string, string];
    return { text: `${prefix}${secret}`, needles: [secret.slice(-24)] };
  },
  // Break-it pass 2 (L7): card digits grouped by other Unicode spaces, or typed full-width.
  'card number (Unicode spaces, full-width digits)': (i) => {
    const card = withLuhn(`4${digits(i + 6500, 14)}`);
    const wide = card.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const text = [grouped(card, 4, '\u2002'), grouped(card, 4, '\u3000'), wide][i % 3] as string;
    return { text: `card ${text}`, needles: [text] };
  },
  // An OAuth authorization code beside its state (RFC 6749 §4.1.2), in lower case only.
  'oauth code beside state': plain(
    (v) => `GET /callback?state=${random(6600, 8)}&code=${v}`,
    (i) => random(i + 6700, 22, 'abcdefghijkmnopqrstuvwxyz'),
  ),
  'jwe (alg dir)': (i) => {
    const tail = `${random(i + 6800, 30)}.${random(i + 6900, 22)}`;
    return {
      text: `token eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..${random(i + 7000, 16)}.${tail}`,
      needles: [tail],
    };
  },
  'url credentials (IPv6 host)': plain(
    (v) => `ftp://ada:${v}@[2001:db8::${i0(v)}]:21/`,
    (i) => `${random(i + 7100, 12)}7`,
  ),
};

/** Nine of each kind: 64 kinds × 9 = 576 planted secrets. */
export const PER_KIND = 9;

export const plantedSecrets: PlantedSecret[] = Object.entries(KINDS).flatMap(([kind, make]) =>
  Array.from({ length: PER_KIND }, (_, i) => ({ kind, ...make(i + 1) })),
);
