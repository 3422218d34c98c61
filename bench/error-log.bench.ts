// Error-log benchmark: filtering, sorting and rendering 10,000 records, beside the straightforward way.
// Run with `npm run bench:error-log` (node --import tsx bench/error-log.bench.ts).
//
// "naive" is what a first version would do: lower-case every field of every record on every keystroke,
// and render every matching row (no pages). bulwark caches each record's search text and renders one page.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Bench } from 'tinybench';
import { cpus, loadavg } from 'node:os';
import {
  createResilience,
  DEFAULT_ERROR_LOG_FILTERS,
  DEFAULT_ERROR_LOG_SORT,
  ErrorLog,
  filterErrorLog,
  ResilienceContext,
  type ErrorRecord,
} from '../src/index';
import { makeErrorLogRecords, SAMPLE_NOW } from '../stories/sample-error-log';

process.setSourceMapsEnabled(false);
const records = makeErrorLogRecords(10_000);
const query = { ...DEFAULT_ERROR_LOG_FILTERS, query: 'failure #99' };
const facets = { ...DEFAULT_ERROR_LOG_FILTERS, severity: 'error' as const, feature: 'checkout' };
const byCount = { key: 'count' as const, direction: 'descending' as const };

const naiveFilter = (text: string) =>
  records
    .filter((r) =>
      [r.error.message, r.error.code, r.error.kind, r.context.feature, r.context.name, r.fingerprint]
        .join('\n')
        .toLowerCase()
        .includes(text.toLowerCase()),
    )
    .sort((a, b) => b.lastSeen - a.lastSeen);

const resilience = createResilience();
const renderLog = (rows: readonly ErrorRecord[]) =>
  renderToString(
    createElement(
      ResilienceContext.Provider,
      { value: resilience },
      createElement(ErrorLog, { records: rows, now: SAMPLE_NOW }),
    ),
  );
// The same table with every row: what a log without pages or virtualisation renders.
const renderAllRows = () =>
  renderToString(
    createElement(
      ResilienceContext.Provider,
      { value: resilience },
      createElement(ErrorLog, { records, now: SAMPLE_NOW, pageSize: records.length }),
    ),
  );

// Few iterations: the unpaged render takes seconds on a loaded machine.
const bench = new Bench({ time: 500, iterations: 5, warmupTime: 0, warmupIterations: 1 });
bench
  .add('bulwark filterErrorLog: search, 10,000 records', () =>
    filterErrorLog(records, query, DEFAULT_ERROR_LOG_SORT),
  )
  .add('naive: search (lower-case every field per keystroke)', () => naiveFilter('failure #99'))
  .add('bulwark filterErrorLog: 2 facets + sort by count', () => filterErrorLog(records, facets, byCount))
  .add('bulwark <ErrorLog>: render, 10,000 records (one page of 50)', () => renderLog(records))
  .add('naive: render all 10,000 rows', renderAllRows);
await bench.run();

console.log(`Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}\n`);
for (const task of bench.tasks) {
  const mean = task.result.state === 'completed' ? task.result.latency.mean : NaN;
  console.log(`${task.name.padEnd(62)} ${mean.toFixed(2).padStart(9)} ms`);
}
