import type { RedactionRule } from './types';

/** A shell word: quoted, or up to the next space. */
const WORD = String.raw`"[^"\r\n]*"|'[^'\r\n]*'|[^\s"'][^\s]*`;

/**
 * Secrets in command lines and SQL (issue 9, L8): `--password Hunter2` and `--password=Hunter2` (a
 * flag named by a secret key, then a space or `=`; also `-Dx.password=…`), mysql's glued `-pHunter2`, the password
 * of `-u user:password` / `--user user:password` (curl), and `IDENTIFIED BY '…'` / `PASSWORD '…'` in
 * SQL.
 */
export const commandRules: readonly RedactionRule[] = [
  {
    id: 'cli-secret-flag',
    // `--password Hunter2`, `--password=Hunter2`, Java's `-Dspring.datasource.password=Hunter2`
    // (the key-value rule never starts a key after `-`: break-it pass 2, L8)
    pattern: new RegExp(String.raw`(?<![\w-])(--?[A-Za-z][\w.-]{0,60})([ \t]+|=)(${WORD})`, 'g'),
    secretGroup: 3,
    test: (m, { isSecretKey }) =>
      !(m[3] as string).startsWith('-') && isSecretKey((m[1] as string).replace(/^-+/, '')),
  },
  {
    id: 'mysql-password-flag',
    pattern: /(?<![\w-])(-p)([^\s-]\S*)/g,
    secretGroup: 2,
    keywords: /\b(mysql\w*|mariadb\w*)\b/i,
  },
  {
    id: 'cli-user-password',
    pattern: new RegExp(
      String.raw`(?<![\w-])(-u|--(?:proxy-)?user)([ \t]+|=)(["']?[^\s:"']{0,100}:)([^\s"']+)`,
      'g',
    ),
    secretGroup: 4,
  },
  {
    id: 'sql-password',
    pattern: /\b(identified[ \t]+by|password)([ \t]*=[ \t]*|[ \t]+)('(?:[^'\r\n]|'')*'|"[^"\r\n]*")/gi,
    secretGroup: 3,
    test: (m) => (m[3] as string).length > 2,
  },
];
