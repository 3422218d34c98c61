import { styles } from '../styles';
import { uiText, useCatalog } from '../use-catalog';

/** Props of {@link ErrorRateChart}. */
export interface ErrorRateChartProps {
  /** Occurrences per minute, oldest first. */
  perMinute: readonly number[];
  /** @default 240 */
  width?: number;
  /** @default 48 */
  height?: number;
}

/**
 * A small bar chart of errors per minute: an SVG with a text alternative (`role="img"` and a label
 * listing the values), so it reads as well as it looks.
 */
export function ErrorRateChart({ perMinute, width = 240, height = 48 }: ErrorRateChartProps) {
  const catalog = useCatalog();
  const max = Math.max(1, ...perMinute);
  const step = width / Math.max(1, perMinute.length);
  const label = uiText(catalog, 'logChart', { minutes: perMinute.length, values: perMinute.join(', ') });
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} stroke="#7b8794" />
      {perMinute.map((count, i) => {
        const barHeight = (count / max) * (height - 2);
        return (
          <rect
            key={i}
            x={i * step + 1}
            y={height - 1 - barHeight}
            width={Math.max(1, step - 2)}
            height={barHeight}
            fill={styles.accent.error}
          />
        );
      })}
    </svg>
  );
}
