import { useSyncExternalStore } from 'react';
import type { DegradationSnapshot } from '../../../core/degradation/types';
import type { Degradation } from '../../../core/degradation/types';
import { useOptionalResilience } from '../../resilience-context';
import { DetailList } from '../detail-list';
import { uiText, useCatalog } from '../use-catalog';
import type { ErrorLogStats as Stats } from './compute-error-log-stats';
import { ErrorRateChart } from './error-rate-chart';

const noSubscribe = () => () => {};
const noSnapshot = (): DegradationSnapshot | undefined => undefined;

function useOptionalDegradation(degradation: Degradation | undefined): DegradationSnapshot | undefined {
  return useSyncExternalStore(
    degradation?.subscribe ?? noSubscribe,
    degradation?.getSnapshot ?? noSnapshot,
    degradation?.getSnapshot ?? noSnapshot,
  );
}

const counts = (values: Partial<Record<string, number>>): string =>
  Object.entries(values)
    .map(([name, count]) => `${name} ${count ?? 0}`)
    .join(', ');

/** The error log's summary: figures, the per-minute chart, and the app's service state. */
export function ErrorLogStats({ stats }: { stats: Stats }) {
  const catalog = useCatalog();
  const snapshot = useOptionalDegradation(useOptionalResilience()?.degradation);
  const none = uiText(catalog, 'logNone');
  const rows: [string, string | number][] = [
    [uiText(catalog, 'logErrors'), stats.records],
    [uiText(catalog, 'logOccurrences'), stats.occurrences],
    [uiText(catalog, 'logRecovered'), stats.recovered],
    [uiText(catalog, 'logUnresolved'), stats.unresolved],
    [uiText(catalog, 'logPerMinute'), stats.perMinute.at(-1) ?? 0],
    [uiText(catalog, 'logByKind'), counts(stats.byKind) || none],
    [uiText(catalog, 'logBySeverity'), counts(stats.bySeverity) || none],
  ];
  if (snapshot) {
    rows.push(
      [uiText(catalog, 'logDegradation'), snapshot.level],
      [uiText(catalog, 'logBreakers'), snapshot.openBreakers.join(', ') || none],
      [
        uiText(catalog, 'logNetwork'),
        uiText(catalog, snapshot.level === 'offline' ? 'logOffline' : 'logOnline'),
      ],
    );
  }
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <DetailList rows={rows} />
      <ErrorRateChart perMinute={stats.perMinute} />
    </div>
  );
}
