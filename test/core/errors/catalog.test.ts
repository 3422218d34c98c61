import { describe, expect, it } from 'vitest';
import {
  defaultCatalog,
  defaultRules,
  ERROR_KINDS,
  formatMessage,
  kindDefaults,
  mergeCatalog,
} from 'bulwark/core';

describe('defaultCatalog', () => {
  it.each(ERROR_KINDS.map((kind) => [kind]))('has a title and a plain message for %s', (kind) => {
    const { title, message } = defaultCatalog.messages[kind];
    expect(title.length).toBeGreaterThan(3);
    expect(message).toMatch(/\.$/);
    // No codes up front, no "oops", no "invalid", no blame.
    for (const text of [title, message]) {
      expect(text).not.toMatch(/oops|invalid|illegal|fatal|you (did|made|entered) .*wrong|\b\d{3}\b|error/i);
    }
  });

  it('has a label for every recovery action any kind or rule offers', () => {
    const ids = new Set([
      ...ERROR_KINDS.flatMap((kind) => kindDefaults[kind].actions),
      ...defaultRules.flatMap((rule) => rule.classification.actions ?? []),
      'retry',
      'reload',
      'sign-in',
      'go-back',
      'go-home',
      'check-connection',
      'contact-support',
      'dismiss',
    ]);
    for (const id of ids) expect(defaultCatalog.actions[id], id).toBeTruthy();
  });

  it('has the UI strings other components use', () => {
    expect(defaultCatalog.ui).toMatchObject({
      showDetails: 'Show details',
      hideDetails: 'Hide details',
      technicalDetails: 'Technical details',
      copyDetails: 'Copy details',
      copied: 'Copied',
      occurrences: '{count} times',
      attempts: 'Tried {count} times',
      nextRetry: 'Trying again in {seconds} seconds',
      requestId: 'Request ID',
      dataSafe: 'Anything you entered on this page is still here.',
    });
    for (const key of [
      'degradedReduced',
      'degradedMinimal',
      'degradedOffline',
      'fieldErrorSummary',
      'featureUnavailable',
    ]) {
      expect(defaultCatalog.ui[key], key).toBeTruthy();
    }
  });

  it('tells the user their input is kept where the page keeps it', () => {
    for (const kind of ['network', 'timeout', 'offline', 'rate-limit', 'server', 'validation'] as const) {
      expect(defaultCatalog.messages[kind].message).toMatch(/still here/);
    }
  });
});

describe('mergeCatalog', () => {
  it('overrides single entries and keeps the rest', () => {
    const catalog = mergeCatalog(defaultCatalog, {
      messages: { offline: { title: 'Hors ligne', message: 'Vérifiez votre connexion.' } },
      actions: { retry: 'Réessayer' },
      ui: { copied: 'Copié', custom: 'Extra' },
    });
    expect(catalog.messages.offline.title).toBe('Hors ligne');
    expect(catalog.messages.network).toBe(defaultCatalog.messages.network);
    expect(catalog.actions).toMatchObject({ retry: 'Réessayer', reload: 'Reload page' });
    expect(catalog.ui).toMatchObject({ copied: 'Copié', custom: 'Extra', close: 'Close' });
    expect(defaultCatalog.actions.retry).toBe('Try again');
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(formatMessage(defaultCatalog.ui.occurrences ?? '', { count: 3 })).toBe('3 times');
    expect(formatMessage('{feature} is not available; {other}', { feature: 'Search' })).toBe(
      'Search is not available; {other}',
    );
  });

  it('does not read inherited properties as values', () => {
    expect(formatMessage('{toString}', {})).toBe('{toString}');
  });
});
