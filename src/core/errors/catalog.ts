// PLACEHOLDER: minimal version so the pipeline compiles; its owner replaces it (keep exported names/signatures).
import type { ErrorKind } from './types';

export interface CatalogEntry {
  /** Short heading: what happened. */
  title: string;
  /** Plain sentence(s): what happened and what the user can do. */
  message: string;
}

export interface MessageCatalog {
  /** One entry per message key (the kinds, plus any key an app adds). */
  messages: Readonly<Record<ErrorKind, CatalogEntry>> & Readonly<Record<string, CatalogEntry>>;
  /** Button labels per recovery action id. */
  actions: Readonly<Record<string, string>>;
  /** Other UI strings (Show details, Technical details, Copy, Dismiss, "N times", …). */
  ui: Readonly<Record<string, string>>;
}

const entry = (title: string, message: string): CatalogEntry => ({ title, message });

export const defaultCatalog: MessageCatalog = {
  messages: {
    network: entry('Connection problem', 'We could not reach the server.'),
    timeout: entry('Taking too long', 'The server did not answer in time.'),
    offline: entry('You are offline', 'Your changes are kept.'),
    aborted: entry('Cancelled', 'The request was cancelled.'),
    'rate-limit': entry('Too many requests', 'Wait a moment and try again.'),
    auth: entry('Signed out', 'Sign in again to continue.'),
    forbidden: entry('No access', 'You do not have access to this.'),
    'not-found': entry('Not found', 'We could not find this.'),
    validation: entry('Check your details', 'Some details need changing.'),
    conflict: entry('Changed elsewhere', 'This was changed somewhere else.'),
    server: entry('Something went wrong on our side', 'Try again in a moment.'),
    'circuit-open': entry('Temporarily unavailable', 'This service is paused.'),
    'chunk-load': entry('A new version is available', 'Reload the page.'),
    render: entry('This part could not be shown', 'Try again.'),
    unknown: entry('Something went wrong', 'Try again.'),
  },
  actions: { retry: 'Try again', reload: 'Reload page', dismiss: 'Dismiss' },
  ui: {},
};

/** Merges app overrides over a catalog, entry by entry. */
export function mergeCatalog(base: MessageCatalog, overrides: PartialCatalog): MessageCatalog {
  return {
    messages: { ...base.messages, ...overrides.messages },
    actions: { ...base.actions, ...overrides.actions },
    ui: { ...base.ui, ...overrides.ui },
  };
}

export interface PartialCatalog {
  messages?: Readonly<Record<string, CatalogEntry>>;
  actions?: Readonly<Record<string, string>>;
  ui?: Readonly<Record<string, string>>;
}
