import { reloadOnce, RELOAD_ONCE_KEY, RELOAD_ONCE_WINDOW_MS } from 'bulwark/core';
import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './memory-storage';

describe('reloadOnce', () => {
  it('reloads the first time and records when', () => {
    const reload = vi.fn();
    const storage = memoryStorage();
    expect(reloadOnce({ reload, storage, now: () => 1_000 })).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(storage.getItem(RELOAD_ONCE_KEY)).toBe('1000');
  });

  it('does not reload again within the window: a reload that did not help would loop', () => {
    const reload = vi.fn();
    const storage = memoryStorage();
    let now = 0;
    reloadOnce({ reload, storage, now: () => now });
    now = RELOAD_ONCE_WINDOW_MS - 1;
    expect(reloadOnce({ reload, storage, now: () => now })).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads again once the window has passed (a later deploy)', () => {
    const reload = vi.fn();
    const storage = memoryStorage({ [RELOAD_ONCE_KEY]: '0' });
    expect(reloadOnce({ reload, storage, now: () => RELOAD_ONCE_WINDOW_MS })).toBe(true);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('never reloads when storage is unavailable, since it could not tell a loop', () => {
    const reload = vi.fn();
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {},
    };
    expect(reloadOnce({ reload, storage: blocked })).toBe(false);
    expect(reload).not.toHaveBeenCalled();
  });

  it('treats an unreadable stored time as no earlier reload', () => {
    const reload = vi.fn();
    expect(reloadOnce({ reload, storage: memoryStorage({ [RELOAD_ONCE_KEY]: 'garbage' }) })).toBe(true);
  });

  it('uses sessionStorage by default and survives across calls', () => {
    sessionStorage.removeItem(RELOAD_ONCE_KEY);
    const reload = vi.fn();
    reloadOnce({ reload });
    reloadOnce({ reload });
    expect(reload).toHaveBeenCalledTimes(1);
    sessionStorage.removeItem(RELOAD_ONCE_KEY);
  });
});
