import type { CSSProperties } from 'react';

// A calm palette with WCAG AA contrast on white (checked by axe in the browser tests and stories).
const ink = '#1f2933';
const muted = '#4b5563';
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
// Long unbroken text (a URL, a token, a minified stack line) breaks inside its box instead of widening it.
const wrap = 'anywhere';
// Plain string literals (no templates) so an unused style object tree-shakes away.
const accent: Record<'info' | 'warning' | 'error' | 'critical', string> = {
  info: '#2563eb',
  warning: '#b45309',
  error: '#b42318',
  critical: '#7a1010',
};

export const styles = {
  accent,
  surface: {
    color: ink,
    background: '#ffffff',
    border: '1px solid #cbd2d9',
    borderRadius: 8,
    padding: '12px 16px',
    fontFamily: font,
    fontSize: 15,
    lineHeight: 1.45,
    maxWidth: '40rem',
    boxSizing: 'border-box',
    minWidth: 0,
  },
  /** The UI font for a component that may be rendered on its own (outside a surface). */
  text: { fontFamily: font, color: ink, lineHeight: 1.45, minWidth: 0, overflowWrap: wrap },
  title: { margin: 0, fontSize: '1.05em', fontWeight: 600, overflowWrap: wrap },
  message: { margin: '4px 0 0', overflowWrap: wrap },
  muted: { color: muted, margin: '4px 0 0', fontSize: '0.92em', overflowWrap: wrap },
  actions: { display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12 },
  button: {
    font: 'inherit',
    fontSize: '0.95em',
    padding: '6px 12px',
    borderRadius: 6,
    border: '1px solid #7b8794',
    background: '#ffffff',
    color: ink,
    cursor: 'pointer',
  },
  primaryButton: { background: '#1d4ed8', borderColor: '#1d4ed8', color: '#ffffff' },
  linkButton: {
    font: 'inherit',
    fontSize: '0.92em',
    padding: 0,
    marginTop: 8,
    border: 'none',
    background: 'none',
    color: '#1d4ed8',
    textDecoration: 'underline',
    cursor: 'pointer',
  },
  details: {
    margin: '8px 0 0',
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr)',
    gap: '2px 12px',
    overflowWrap: wrap,
  },
  stack: {
    margin: '8px 0 0',
    padding: 8,
    maxHeight: '12rem',
    maxWidth: '100%',
    boxSizing: 'border-box',
    // Stacks keep their lines (columns matter) and scroll inside their own box.
    overflow: 'auto',
    whiteSpace: 'pre',
    fontSize: 12,
    background: '#f5f7fa',
    color: ink,
    border: '1px solid #cbd2d9',
    borderRadius: 4,
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    margin: -1,
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
} satisfies Record<string, CSSProperties | Record<string, string>>;

/** A surface with a coloured left edge for the error's severity. */
export const surfaceFor = (severity: keyof typeof accent): CSSProperties => ({
  ...styles.surface,
  borderLeft: `4px solid ${accent[severity]}`,
});

/** A toast's surface: fixed width (sonner lays toasts out in a column of its own width), with a shadow. */
export const toastSurface = (severity: keyof typeof accent): CSSProperties => ({
  ...surfaceFor(severity),
  width: 356,
  boxSizing: 'border-box',
  boxShadow: '0 4px 12px rgba(0,0,0,0.12)',
});
