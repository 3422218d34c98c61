import type { CSSProperties } from 'react';
import type { DegradationLevel } from '../../core/degradation/types';
import { useDegradation } from '../hooks/use-degradation';
import { styles, surfaceFor } from './styles';
import { uiText, useCatalog } from './use-catalog';

/** Props of {@link DegradationBanner}. */
export interface DegradationBannerProps {
  /** Merged over the banner's surface style. @default none */
  style?: CSSProperties;
  /** @default none */
  className?: string;
}

const LEVEL_TEXT: Record<Exclude<DegradationLevel, 'full'>, string> = {
  reduced: 'degradedReduced',
  minimal: 'degradedMinimal',
  offline: 'degradedOffline',
};

/**
 * Tells the user, politely, what does not work right now and why: the level's text from the catalog
 * (`ui.degradedReduced`, `degradedMinimal`, `degradedOffline`), the app's reason when the app set
 * the level, and one `ui.featureUnavailable` line per feature turned off (a feature's name is
 * `ui['feature.<name>']` when the catalog has it). At `full` the live region stays in the page,
 * empty, so that screen readers announce the banner when it appears.
 *
 * @example
 * <ResilienceProvider resilience={resilience}>
 *   <DegradationBanner />
 *   <App />
 * </ResilienceProvider>
 */
export function DegradationBanner({ style, className }: DegradationBannerProps) {
  const { level, cause, reason, unavailable } = useDegradation();
  const catalog = useCatalog();
  return (
    <div role="status" aria-live="polite" className={className}>
      {level === 'full' ? null : (
        <div style={{ ...surfaceFor(level === 'offline' ? 'info' : 'warning'), ...style }}>
          <p style={styles.title}>{uiText(catalog, LEVEL_TEXT[level])}</p>
          {cause === 'app' && reason ? <p style={styles.message}>{reason}</p> : null}
          {unavailable.length > 0 ? (
            <ul style={styles.muted}>
              {unavailable.map((feature) => (
                <li key={feature}>
                  {uiText(catalog, 'featureUnavailable', {
                    feature: catalog.ui[`feature.${feature}`] ?? feature,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}
