import { useEffect } from 'react';

/** Parses `'Ctrl+Shift+E'`-style shortcuts: modifiers (Ctrl, Alt, Shift, Meta) and one key, any case. */
const parse = (shortcut: string) => {
  const parts = shortcut
    .toLowerCase()
    .split('+')
    .map((part) => part.trim());
  return {
    key: parts.at(-1) ?? '',
    ctrl: parts.includes('ctrl'),
    alt: parts.includes('alt'),
    shift: parts.includes('shift'),
    meta: parts.includes('meta'),
  };
};

/**
 * Calls `onPress` when the shortcut is pressed anywhere on the page; nothing is attached when `shortcut`
 * is undefined (the default of `<ErrorLog>`: off).
 */
export function useErrorLogShortcut(shortcut: string | undefined, onPress: () => void): void {
  useEffect(() => {
    if (!shortcut) return;
    const want = parse(shortcut);
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        event.defaultPrevented ||
        event.key.toLowerCase() !== want.key ||
        event.ctrlKey !== want.ctrl ||
        event.altKey !== want.alt ||
        event.shiftKey !== want.shift ||
        event.metaKey !== want.meta
      )
        return;
      event.preventDefault();
      onPress();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [shortcut, onPress]);
}
