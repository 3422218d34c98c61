/**
 * Key-name lists given as options (`keys` and `allowKeys` of a redactor, a draft's `exclude`), read once
 * when the redactor or the save is set up (issue 9, break-it pass 3: N1, N3, W1, W3).
 */

/** A list of key names, checked and copied: names compared as {@link normalizeKey}, RegExps without `g`/`y`. */
export interface KeyList {
  readonly names: ReadonlySet<string>;
  readonly patterns: readonly RegExp[];
  /**
   * Names in a script written without spaces (Chinese, Japanese, Thai), also matched at the end of a
   * longer name: `密码` names `用户密码`, as `password` is the last word of `userPassword`. Empty for a
   * list of allowed names, which match whole names only.
   */
  readonly endings: readonly string[];
}

const ASCII = /^[\x20-\x7e]*$/;
// Built from a string: a bundler targeting older engines expands a literal `\p{…}` into kilobytes of ranges.
const NOT_LETTER_OR_DIGIT = new RegExp('[^\\p{L}\\p{M}\\p{N}]', 'gu');
/** The last letter of a name in a script written without spaces between words. */
const UNSPACED_END = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]$/;

/**
 * A key name as it is compared: its letters, marks and digits in any script, lower-cased, with
 * compatibility forms folded (NFKC: full-width `ｐａｓｓ` is `pass`); spaces, `-`, `_`, `.` and other
 * punctuation dropped, so `api-key`, `API_KEY` and `apiKey` are one name, and `пароль`, `имя` and `名前`
 * three. A name with no letter or digit (`_`, `🔑`) is compared as written: were it emptied, every such
 * name would be the same one.
 */
export function normalizeKey(key: string): string {
  if (ASCII.test(key)) {
    const name = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    return name || key;
  }
  const folded = key.normalize('NFKC').toLowerCase();
  return folded.replace(NOT_LETTER_OR_DIGIT, '') || folded;
}

/**
 * A stateless copy of a RegExp given as an option: `test` on a `g` or `y` RegExp starts where the last
 * match ended, so `/ref$/g` named every other key and `/employee/g` found every other keyword (N1).
 */
export function statelessRegExp(pattern: RegExp): RegExp {
  return /[gy]/.test(pattern.flags)
    ? new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''))
    : pattern;
}

/**
 * Reads a list of key names given as an option. Throws a `TypeError` naming `option` for an entry that
 * is neither a string nor a RegExp (a configuration mistake, found when the redactor is created rather
 * than as a redaction that fails on every capture).
 */
export function keyList(
  list: readonly (string | RegExp)[] | undefined,
  option: string,
  { endings: byEnding = false } = {},
): KeyList {
  const names = new Set<string>();
  const patterns: RegExp[] = [];
  const endings: string[] = [];
  for (const entry of list ?? []) {
    if (typeof entry === 'string') {
      const name = normalizeKey(entry);
      names.add(name);
      if (byEnding && UNSPACED_END.test(name)) endings.push(name);
    } else if (Object.prototype.toString.call(entry) === '[object RegExp]')
      patterns.push(statelessRegExp(entry));
    else throw new TypeError(`bulwark: ${option} takes strings and RegExps; got ${typeof entry}`);
  }
  return { names, patterns, endings };
}

/** Whether `key` is in the list: its normalised name is one of the names (or ends with one of its `endings`), or a RegExp matches it as written. */
export function listed(list: KeyList, key: string): boolean {
  if (list.names.size === 0 && list.patterns.length === 0) return false;
  const name = normalizeKey(key);
  return (
    list.names.has(name) ||
    list.endings.some((ending) => name.endsWith(ending)) ||
    list.patterns.some((pattern) => pattern.test(key))
  );
}
