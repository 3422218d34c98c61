/** A small "!" in a circle, decorative (the text next to it says what happened). */
export function ErrorIcon({ color, size = 16 }: { color: string; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width={size}
      height={size}
      viewBox="0 0 16 16"
      style={{ flex: 'none' }}
    >
      <circle cx="8" cy="8" r="7" fill="none" stroke={color} strokeWidth="1.6" />
      <rect x="7.2" y="3.6" width="1.6" height="5.6" rx="0.8" fill={color} />
      <circle cx="8" cy="11.6" r="1" fill={color} />
    </svg>
  );
}
