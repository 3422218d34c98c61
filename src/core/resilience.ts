// PLACEHOLDER wiring (owner: the store/disclosure helper): keep `createResilience`, `Resilience` and `capture`.
import { isAppError } from './errors/app-error';
import { defaultCatalog, mergeCatalog, type MessageCatalog, type PartialCatalog } from './errors/catalog';
import type { ClassificationRule } from './errors/classify';
import { fingerprint } from './errors/fingerprint';
import { normalizeError } from './errors/normalize';
import {
  createDisclosureManager,
  type DisclosureManager,
  type DisclosureOptions,
} from './disclosure/disclosure-manager';
import type { Reporter } from './reporting/types';
import { createErrorStore, type ErrorStore, type ErrorStoreOptions } from './store/error-store';
import type { CaptureContext, ErrorRecord } from './types';

export interface ResilienceOptions {
  /** App classification rules, tried before the defaults. */
  rules?: readonly ClassificationRule[];
  /** Overrides or translations of the message catalog. */
  catalog?: PartialCatalog;
  store?: ErrorStoreOptions;
  disclosure?: DisclosureOptions;
  reporters?: readonly Reporter[];
  /** Clock, for tests. @default Date.now */
  now?: () => number;
}

/** One app's resilience instance: create one per app (or per test) and hand it to `<ResilienceProvider>`. */
export interface Resilience {
  /** The one entry of the pipeline: normalise, classify, fingerprint, record, decide, report. Never throws. */
  capture: (error: unknown, context?: CaptureContext) => ErrorRecord;
  readonly store: ErrorStore;
  readonly disclosure: DisclosureManager;
  readonly catalog: MessageCatalog;
}

export function createResilience(options: ResilienceOptions = {}): Resilience {
  const now = options.now ?? Date.now;
  const store = createErrorStore(options.store);
  const disclosure = createDisclosureManager(options.disclosure);
  const catalog = options.catalog ? mergeCatalog(defaultCatalog, options.catalog) : defaultCatalog;
  let nextId = 0;

  const capture = (value: unknown, context: CaptureContext = {}): ErrorRecord => {
    const error = isAppError(value) ? value : normalizeError(value, { rules: options.rules });
    const key = fingerprint(error);
    const previous = store.getState().records.find((r) => r.fingerprint === key);
    const time = now();
    const draft: ErrorRecord = {
      id: previous?.id ?? `err-${++nextId}`,
      fingerprint: key,
      error,
      count: (previous?.count ?? 0) + 1,
      firstSeen: previous?.firstSeen ?? time,
      lastSeen: time,
      presentation: 'silent',
      status: 'active',
      context,
    };
    const record = { ...draft, presentation: context.presentation ?? disclosure.decide(draft) };
    store.getState().upsert(record);
    return record;
  };

  return { capture, store, disclosure, catalog };
}
