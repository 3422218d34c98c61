import type { RedactOptions } from '../redact';
import { isolateRule } from './isolate-rule';
import { keyList, type KeyList } from './key-list';

/** {@link RedactOptions} as a redactor keeps them: key lists read, app rules isolated. */
export interface ReadRedactOptions extends Omit<RedactOptions, 'keys' | 'allowKeys'> {
  keys: KeyList;
  allowKeys: KeyList;
}

/**
 * Reads a redactor's options once, when it is created (issue 9, break-it pass 3): `keys` and
 * `allowKeys` compared by name in any script and their RegExps copied without `g`/`y` (key-list.ts),
 * each app rule isolated (isolate-rule.ts). Throws a `TypeError` for an entry of the wrong type.
 */
export function readRedactOptions(options: RedactOptions): ReadRedactOptions {
  return {
    ...options,
    keys: keyList(options.keys, 'keys', { endings: true }),
    allowKeys: keyList(options.allowKeys, 'allowKeys'),
    rules: (options.rules ?? []).map(isolateRule),
  };
}
