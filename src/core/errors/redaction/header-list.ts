import { keyWords } from './secret-key';

/** Keys whose array is a flat name/value list: Node's `rawHeaders`/`rawTrailers`, query and cookie pairs, env lists. */
const LIST_KEY = /^(headers?|trailers|query|querystring|params|cookies|env|environment|variables|vars)$/;
/** A header or parameter name: an HTTP token (RFC 9110 §5.6.2), at most 100 characters. */
const FIELD_NAME = /^[\w!#$%&'*+.^`|~-]{1,100}$/;
/** A command-line flag without its value (`--password`, `-Dx.password`): the next argument is its value. */
const FLAG = /^--?([A-Za-z][\w.-]{0,60})$/;

/**
 * The names of an array's items that an item before them names (break-it pass 2, L12), `undefined`
 * for the others: item 1 of a `[name, value]` pair (fetch's `headers: [[name, value]]`, Sentry's
 * `query_string` pairs); each odd item of a flat name/value list of even length under a
 * headers-like key (Node's `rawHeaders: ['Authorization', 'Bearer …', 'Cookie', 'a=b']`); the argument
 * after a flag in an argument list (`spawnargs: ['mysqldump', '--password', 'Hunter2']` is named
 * `password`). `items` are the items read (at most the copy's entry limit), `length` the array's
 * length, `key` where the array is stored. Linear in the items.
 */
export function listItemNames(
  key: string,
  items: readonly unknown[],
  length: number,
): (string | undefined)[] {
  const names: (string | undefined)[] = items.map(() => undefined);
  if (length === 2 && typeof items[0] === 'string') {
    names[1] = items[0];
    return names;
  }
  if (length % 2 === 0 && isFieldList(key, items))
    for (let i = 1; i < items.length; i += 2) names[i] = items[i - 1] as string;
  else
    items.forEach((item, i) => {
      const flag = typeof items[i - 1] === 'string' ? FLAG.exec(items[i - 1] as string) : null;
      // A flag followed by another flag has no value: `['--password', '--stdin']`.
      if (flag && !(typeof item === 'string' && item.startsWith('-'))) names[i] = flag[1];
    });
  return names;
}

/** A flat name/value list: under a headers-like key, every even item a field name (`tags: ['a', 'b']` is not one). */
function isFieldList(key: string, items: readonly unknown[]): boolean {
  const words = keyWords(key.slice(key.lastIndexOf('.') + 1));
  // `query_string` is one name: its last word alone (`string`) is not a list's name.
  if (!LIST_KEY.test(words.at(-1) ?? '') && !LIST_KEY.test(words.slice(-2).join(''))) return false;
  for (let i = 0; i < items.length; i += 2)
    if (typeof items[i] !== 'string' || !FIELD_NAME.test(items[i] as string)) return false;
  return items.length > 0;
}
