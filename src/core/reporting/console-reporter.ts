import type { Reporter } from './types';

/** Options for {@link createConsoleReporter}. */
export interface ConsoleReporterOptions {
  /** Where to write. @default globalThis.console */
  console?: Pick<Console, 'error' | 'warn' | 'info'>;
}

/**
 * A reporter that writes one line per (redacted) record to the console: handy in development.
 *
 * @example
 * createResilience({ reporting: { reporters: [createConsoleReporter()] } });
 */
export function createConsoleReporter(options: ConsoleReporterOptions = {}): Reporter {
  return {
    name: 'console',
    report: (record) => {
      const out = options.console ?? globalThis.console;
      const { error } = record;
      const method = error.severity === 'info' ? 'info' : error.severity === 'warning' ? 'warn' : 'error';
      const times = record.count > 1 ? ` (×${record.count})` : '';
      out[method](`[bulwark] ${error.kind} ${error.code}: ${error.message}${times}`, record);
    },
  };
}
