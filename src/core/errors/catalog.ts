import type { ErrorKind, RecoveryActionId } from './types';

/** The user-facing text for one message key. */
export interface CatalogEntry {
  /** Short heading: what happened. */
  title: string;
  /** Plain sentence(s): what happened and what the user can do. */
  message: string;
}

/** Every user-facing string bulwark shows. Replace or translate any of it with {@link mergeCatalog}. */
export interface MessageCatalog {
  /** One entry per message key (the kinds, plus any key an app adds). */
  messages: Readonly<Record<ErrorKind, CatalogEntry>> & Readonly<Record<string, CatalogEntry>>;
  /** Button labels per recovery action id. */
  actions: Readonly<Record<RecoveryActionId, string>>;
  /** Other UI strings; `{name}` placeholders are filled by {@link formatMessage}. */
  ui: Readonly<Record<string, string>>;
}

/** Overrides for {@link mergeCatalog}: any subset of entries. */
export interface PartialCatalog {
  messages?: Readonly<Record<string, CatalogEntry>>;
  actions?: Readonly<Record<string, string>>;
  ui?: Readonly<Record<string, string>>;
}

/**
 * The default English catalog. Titles say what happened, messages say what the user can do; no codes
 * up front, no blame, and "your input is still here" where the page keeps it.
 */
export const defaultCatalog: MessageCatalog = {
  messages: {
    network: {
      title: 'Cannot connect',
      message:
        'We could not reach the server. Check your internet connection, then try again. Anything you entered on this page is still here.',
    },
    timeout: {
      title: 'This is taking too long',
      message:
        'The server did not answer in time. Try again in a moment. Anything you entered on this page is still here.',
    },
    offline: {
      title: 'You are offline',
      message: 'Check your internet connection. Anything you entered on this page is still here.',
    },
    aborted: { title: 'Stopped', message: 'This was stopped before it finished. You can try again.' },
    'rate-limit': {
      title: 'Please wait a moment',
      message:
        'We are getting a lot of requests. Wait a minute, then try again. Anything you entered on this page is still here.',
    },
    auth: { title: 'Sign in again', message: 'Your session has ended. Sign in again to continue.' },
    forbidden: {
      title: 'You do not have access',
      message: 'Your account cannot see or change this. If you think it should, contact support.',
    },
    'not-found': {
      title: 'We could not find this',
      message: 'It may have been moved or deleted. Check the address, or go back.',
    },
    validation: {
      title: 'Some details need changing',
      message: 'Check the highlighted answers, then try again. Everything else you entered is still here.',
    },
    conflict: {
      title: 'This was changed somewhere else',
      message:
        'Someone changed this while you were working on it. Copy anything you want to keep, then reload to see the latest version.',
    },
    server: {
      title: 'Something went wrong on our side',
      message:
        'This was not caused by anything you did. Try again in a few minutes. Anything you entered on this page is still here.',
    },
    'circuit-open': {
      title: 'Temporarily unavailable',
      message:
        'This service is having problems, so we paused it for a short time. Try again in a few minutes.',
    },
    'chunk-load': {
      title: 'A new version is available',
      message:
        'Part of the app could not load, usually because it was just updated. Reload the page to continue.',
    },
    render: {
      title: 'This part could not be shown',
      message: 'The rest of the page still works. Try again, or reload the page.',
    },
    // A page boundary's fallback: the page itself could not be shown (the catalog key `<kind>-page`).
    'render-page': {
      title: 'This page could not be shown',
      message: 'Something went wrong while showing this page. Try again, or reload the page.',
    },
    // The offline queue could not store a change on this device (quota full, storage blocked).
    'outbox-storage': {
      title: 'This change could not be saved',
      message:
        'Your device has no room to keep it while offline, or blocks storage. Stay online and try again, or free some space.',
    },
    unknown: {
      title: 'Something went wrong',
      message: 'Try again. If it keeps happening, reload the page or contact support.',
    },
  },
  actions: {
    retry: 'Try again',
    reload: 'Reload page',
    'sign-in': 'Sign in',
    'go-back': 'Go back',
    'go-home': 'Go to the home page',
    'check-connection': 'Check your connection',
    'contact-support': 'Contact support',
    dismiss: 'Dismiss',
  },
  ui: {
    showDetails: 'Show details',
    hideDetails: 'Hide details',
    technicalDetails: 'Technical details',
    copyDetails: 'Copy details',
    copied: 'Copied',
    occurrences: '{count} times',
    attempts: 'Tried {count} times',
    nextRetry: 'Trying again in {seconds} seconds',
    code: 'Code',
    status: 'Status',
    requestId: 'Request ID',
    stack: 'Stack trace',
    close: 'Close',
    notifications: 'Notifications',
    errorAnnouncements: 'Error messages',
    dataSafe: 'Anything you entered on this page is still here.',
    dataMaybeLost: 'If you were entering something on this page, it may not have been saved.',
    retryExhausted: 'This keeps failing, so we stopped trying. Reload the page or come back later.',
    retryShort: 'Retry',
    featureUnavailable: '{feature} is not available right now.',
    degradedReduced: 'Some features are switched off while we fix a problem.',
    degradedMinimal: 'Only the essentials are working while we fix a problem.',
    degradedOffline: 'You are offline. Some features are not available until you reconnect.',
    fieldErrorSummary: 'There is a problem. Answers to check: {count}',
    offlineQueueOffline: 'You are offline. Your changes are kept on this device and sent when you reconnect.',
    offlineQueuePending: 'Changes waiting to be sent: {count}',
    offlineQueueSending: 'Sending your saved changes…',
    offlineQueuePaused: 'Sign in again to send your saved changes.',
    offlineQueueDead: 'Changes that could not be sent: {count}',
    offlineQueueDeadItem: '{method} {url} was refused ({status}).',
    offlineQueueRetryNow: 'Send now',
    offlineQueueRetry: 'Try again',
    offlineQueueDiscard: 'Discard',
    updateAvailable: 'A new version of this app is available.',
    updateReload: 'Reload to update',
    // The error log (a panel for support staff and developers).
    errorLog: 'Error log',
    logSummary: 'Summary',
    logErrors: 'Errors',
    logOccurrences: 'Occurrences',
    logRecovered: 'Recovered',
    logUnresolved: 'Not recovered',
    logPerMinute: 'Per minute',
    logChart: 'Errors per minute over {minutes} minutes: {values}',
    logByKind: 'By kind',
    logBySeverity: 'By severity',
    logBreakers: 'Open breakers',
    logNetwork: 'Network',
    logOnline: 'Online',
    logOffline: 'Offline',
    logDegradation: 'Service level',
    logNone: 'None',
    logSearch: 'Search',
    logAll: 'All',
    logKind: 'Kind',
    logSeverity: 'Severity',
    logFeature: 'Feature',
    logLastSeen: 'Last seen',
    logMessage: 'Message',
    logCount: 'Count',
    logRows: 'Errors {from}–{to} of {total}',
    logNoRows: 'No errors match.',
    logPrevious: 'Previous page',
    logNext: 'Next page',
    logExportCsv: 'Export CSV',
    logExportJson: 'Export JSON',
    draftFound: 'You have unsaved changes from {age}.',
    draftNewerElsewhere: 'A newer version of this was saved in another tab {age}.',
    draftRestore: 'Restore',
    draftDiscard: 'Discard',
    draftLoadNewer: 'Load the newer version',
    draftKeepMine: 'Keep this version',
    draftOtherVersion: 'Another unsaved version of this, from {age}, was kept from another tab.',
    draftMoreVersion: '1 more unsaved version is kept; it is offered next.',
    draftMoreVersions: '{count} more unsaved versions are kept; they are offered next.',
    draftSaved: 'Draft saved',
    draftMemoryOnly: 'Your draft is kept only until you close this tab.',
    ageSeconds: 'a few seconds ago',
    ageMinute: '1 minute ago',
    ageMinutes: '{count} minutes ago',
    ageHour: '1 hour ago',
    ageHours: '{count} hours ago',
    ageDay: '1 day ago',
    ageDays: '{count} days ago',
  },
};

/**
 * Merges app overrides over a catalog, entry by entry (a partial translation keeps the rest).
 *
 * @example
 * const catalog = mergeCatalog(defaultCatalog, { messages: { offline: { title: 'Hors ligne', message: '…' } } });
 */
export function mergeCatalog(base: MessageCatalog, overrides: PartialCatalog): MessageCatalog {
  return {
    messages: { ...base.messages, ...overrides.messages },
    actions: { ...base.actions, ...overrides.actions },
    ui: { ...base.ui, ...overrides.ui },
  };
}

/**
 * Fills `{name}` placeholders; unknown placeholders are left as they are.
 *
 * @example
 * formatMessage(defaultCatalog.ui.occurrences, { count: 3 }); // '3 times'
 */
export function formatMessage(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : all,
  );
}
