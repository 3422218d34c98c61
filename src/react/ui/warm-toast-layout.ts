import type { CSSProperties } from 'react';
import { styles, toastSurface } from './styles';

/** The CSS properties of the toast's styles that React writes without a unit. */
const UNITLESS = new Set(['fontWeight', 'lineHeight', 'opacity', 'zIndex', 'flexGrow', 'flexShrink']);

/** Documents whose toast layout is warm: the browser's caches it fills are the page's, not an instance's. */
const warmed = new WeakSet<Document>();

const element = (doc: Document, tag: string, style: CSSProperties, text?: string): HTMLElement => {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(style) as [string, unknown][])
    el.style.setProperty(
      key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
      typeof value === 'number' && !UNITLESS.has(key) ? `${value}px` : String(value),
    );
  if (text !== undefined) el.textContent = text;
  return el;
};

/** The text a toast shows, for the glyphs: an app's translated catalog may need other fonts than English. */
export interface ToastSample {
  title: string;
  message: string;
  occurrences: string;
  actions: readonly string[];
}

/**
 * Lays out, once per document and off screen, what a toast is made of (its surface, text styles, fonts and
 * buttons), then removes it. In a fresh page the first toast's forced layout (sonner measures each toast's
 * height when it mounts) cost 4–38 ms (median 9–18 ms), and during an error storm it landed among the storm's
 * other work in one long task (issue 11); warmed when the toaster mounts, about 2 ms. Hidden from assistive
 * technology and input (`aria-hidden`, `inert`), and gone in the same task: nothing of it is ever painted.
 */
export function warmToastLayout(doc: Document, sample: ToastSample): void {
  if (warmed.has(doc) || !doc.body) return;
  warmed.add(doc);
  const host = element(doc, 'div', {
    position: 'fixed',
    top: 0,
    left: -10_000,
    pointerEvents: 'none',
  });
  host.setAttribute('aria-hidden', 'true');
  host.setAttribute('inert', '');
  const surface = element(doc, 'div', toastSurface('error'));
  const actions = element(doc, 'div', styles.actions);
  sample.actions.forEach((label, i) =>
    actions.append(
      element(doc, 'button', i === 0 ? { ...styles.button, ...styles.primaryButton } : styles.button, label),
    ),
  );
  surface.append(
    element(doc, 'p', styles.title, sample.title),
    element(doc, 'p', styles.message, sample.message),
    element(doc, 'p', styles.muted, sample.occurrences),
    actions,
  );
  host.append(surface);
  doc.body.append(host);
  try {
    host.getBoundingClientRect();
  } finally {
    host.remove();
  }
}
