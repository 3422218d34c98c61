/** Options for {@link reloadOnce}. */
export interface ReloadOnceOptions {
  /** Reloads the page. @default () => location.reload() */
  reload?: () => void;
  /** Where the last reload time is kept; survives the reload but not the tab. @default sessionStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Storage key. @default 'bulwark:reload-once' */
  key?: string;
  /** No second reload within this many ms of the last one (a reload that did not help will not help again). @default 300_000 */
  windowMs?: number;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

export const RELOAD_ONCE_KEY = 'bulwark:reload-once';
// Five minutes, as a literal: `5 * 60_000` is an expression a bundler keeps even when unused.
export const RELOAD_ONCE_WINDOW_MS = 300_000;

/**
 * Reloads the page unless it already did so within `windowMs`: the cure for a failed chunk load after a deploy,
 * guarded against a reload loop when the new version fails too. Returns whether it reloaded. Without storage (SSR,
 * blocked storage) it never reloads, since it could not tell a loop.
 *
 * @example
 * if (appError.kind === 'chunk-load') reloadOnce();
 */
export function reloadOnce(options: ReloadOnceOptions = {}): boolean {
  const {
    reload = () => globalThis.location.reload(),
    key = RELOAD_ONCE_KEY,
    windowMs = RELOAD_ONCE_WINDOW_MS,
    now = Date.now,
  } = options;
  try {
    const storage = options.storage ?? globalThis.sessionStorage;
    const time = now();
    if (time - Number(storage.getItem(key) ?? -Infinity) < windowMs) return false;
    storage.setItem(key, String(time));
  } catch {
    return false;
  }
  reload();
  return true;
}
