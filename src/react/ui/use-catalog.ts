import {
  defaultCatalog,
  formatMessage,
  type CatalogEntry,
  type MessageCatalog,
} from '../../core/errors/catalog';
import type { AppError } from '../../core/errors/app-error';
import { useOptionalResilience } from '../resilience-context';

/** The nearest instance's catalog, or the default one outside a provider. */
export function useCatalog(): MessageCatalog {
  return useOptionalResilience()?.catalog ?? defaultCatalog;
}

/** The catalog entry for an error: its message key, then its kind, then `unknown`. */
export function entryFor(catalog: MessageCatalog, error: AppError): CatalogEntry {
  return catalog.messages[error.messageKey] ?? catalog.messages[error.kind] ?? catalog.messages.unknown;
}

/** A `ui` string with `{placeholders}` filled in. */
export function uiText(
  catalog: MessageCatalog,
  key: string,
  values: Readonly<Record<string, string | number>> = {},
) {
  return formatMessage(catalog.ui[key] ?? key, values);
}
