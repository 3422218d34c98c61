/** The element that has focus now (`null` on the server, or when nothing but the page has it). */
export function focusedElement(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Puts focus back on `element` after an error view went away, as a dialog does on closing: on the element if it is
 * still in the page, else on the one that took its id (a boundary renders its children again after a retry, with
 * new nodes for the same controls). Does nothing when focus is already somewhere in the page.
 */
export function restoreFocus(element: HTMLElement | null): void {
  if (!element || focusedElement()?.isConnected) return;
  const target = element.isConnected ? element : element.id ? document.getElementById(element.id) : null;
  target?.focus();
}
