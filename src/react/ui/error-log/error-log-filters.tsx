import { useId } from 'react';
import { ERROR_KINDS, SEVERITIES } from '../../../core/errors/types';
import type { ErrorLogApi } from '../../hooks/use-error-log';
import { uiText, useCatalog } from '../use-catalog';

const STATUSES = ['active', 'recovered', 'dismissed'] as const;
const field = { display: 'flex', flexDirection: 'column', gap: 2, fontSize: '0.92em' } as const;
const control = { font: 'inherit', padding: '4px 6px' } as const;

/** The error log's search box and filters, each with its own label. */
export function ErrorLogFilters({ log }: { log: Pick<ErrorLogApi, 'filters' | 'setFilter' | 'features'> }) {
  const catalog = useCatalog();
  const id = useId();
  const all = uiText(catalog, 'logAll');
  const { filters, setFilter } = log;
  const select = (
    key: 'kind' | 'severity' | 'status' | 'feature',
    label: string,
    options: readonly string[],
  ) => (
    <div style={field}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        style={control}
        value={filters[key]}
        onChange={(event) => setFilter(key, event.target.value as never)}
      >
        <option value="all">{all}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div role="search" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
      <div style={field}>
        <label htmlFor={`${id}-query`}>{uiText(catalog, 'logSearch')}</label>
        <input
          id={`${id}-query`}
          type="search"
          style={control}
          value={filters.query}
          onChange={(event) => setFilter('query', event.target.value)}
        />
      </div>
      {select('kind', uiText(catalog, 'logKind'), ERROR_KINDS)}
      {select('severity', uiText(catalog, 'logSeverity'), SEVERITIES)}
      {select('status', uiText(catalog, 'status'), STATUSES)}
      {select('feature', uiText(catalog, 'logFeature'), log.features)}
    </div>
  );
}
