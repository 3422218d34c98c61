/** The element that has focus now (`null` on the server, or when nothing but the page has it). */
export function focusedElement(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Where focus was: the element, and its ancestors (nearest first, `<body>` excluded) to find its place once it is gone. */
export interface FocusSpot {
  readonly element: HTMLElement;
  readonly ancestors: readonly HTMLElement[];
}

/** Notes where focus is now, before an error view takes it (`null` when only the page has it). */
export function rememberFocus(): FocusSpot | null {
  const element = focusedElement();
  if (!element) return null;
  const ancestors: HTMLElement[] = [];
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement)
    ancestors.push(node);
  return { element, ancestors };
}

/**
 * Puts focus back where it was after an error view went away (a dialog closed, a fullscreen error's or a
 * boundary's retry worked), as a dialog does on closing. Each spot is tried in order, first for the control
 * itself, then for a place near it:
 * 1. the element, if it is still in the page;
 * 2. the control that replaced it: the one with its id, or else the only one in its nearest surviving ancestor
 *    with the same tag, type, name, label and text (a boundary renders its children again with new nodes);
 * 3. its nearest ancestor still in the page (the boundary's container, the list or form it was in), made
 *    focusable with `tabindex="-1"` for as long as it has focus;
 * 4. the page's `main` landmark.
 * So a keyboard or screen-reader user carries on where they were, not from the top of `<body>` (issue 10).
 * Does nothing when focus is already somewhere in the page, or when no spot was noted (focus was on `<body>`).
 */
export function restoreFocus(...spots: readonly (FocusSpot | null | undefined)[]): void {
  if (typeof document === 'undefined' || focusedElement()?.isConnected) return;
  const noted = spots.filter((spot): spot is FocusSpot => !!spot);
  for (const spot of noted) if (focus(sameControl(spot))) return;
  for (const spot of noted) for (const ancestor of spot.ancestors) if (focusPlace(ancestor)) return;
  if (noted.length > 0) focusPlace(document.querySelector<HTMLElement>('main, [role="main"]'));
}

function sameControl({ element, ancestors }: FocusSpot): HTMLElement | null {
  if (element.isConnected) return element;
  const byId = element.id ? document.getElementById(element.id) : null;
  if (byId) return byId;
  const container = ancestors.find((a) => a.isConnected);
  if (!container) return null;
  const matches = [...container.querySelectorAll<HTMLElement>(element.tagName)].filter((candidate) =>
    looksTheSame(candidate, element),
  );
  // Two look-alikes (a "Delete" per row): guessing could act on the wrong one; the container is safer.
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

const identifying = ['type', 'name', 'aria-label', 'role', 'href'];

function looksTheSame(a: HTMLElement, b: HTMLElement): boolean {
  return (
    identifying.every((attribute) => a.getAttribute(attribute) === b.getAttribute(attribute)) &&
    a.textContent.trim() === b.textContent.trim()
  );
}

function focus(target: HTMLElement | null): boolean {
  if (!target?.isConnected) return false;
  target.focus();
  return document.activeElement === target;
}

/** Focuses a container that is not focusable by itself, without leaving it in the tab order afterwards. */
function focusPlace(place: HTMLElement | null): boolean {
  if (!place?.isConnected) return false;
  if (focus(place)) return true;
  if (place.hasAttribute('tabindex')) return false;
  place.setAttribute('tabindex', '-1');
  if (focus(place)) {
    place.addEventListener('blur', () => place.removeAttribute('tabindex'), { once: true });
    return true;
  }
  place.removeAttribute('tabindex');
  return false;
}
