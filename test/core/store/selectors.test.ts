import {
  AppError,
  createErrorStore,
  isSamePresented,
  keepShownToasts,
  selectActivePresentation,
  selectCountsByKind,
  selectCountsBySeverity,
  selectErrorRate,
  selectPresented,
  type ErrorRecord,
} from 'bulwark/core';
import { describe, expect, it } from 'vitest';

let seq = 0;
const rec = (
  over: Partial<ErrorRecord> & { kind?: AppError['kind']; severity?: AppError['severity'] } = {},
) => {
  const { kind = 'network', severity = 'error', ...rest } = over;
  const fingerprint = `f${++seq}`;
  const record: ErrorRecord = {
    id: fingerprint,
    fingerprint,
    error: new AppError('x', { kind, severity }),
    count: 1,
    firstSeen: seq,
    lastSeen: seq,
    occurrences: [seq],
    presentation: 'toast',
    status: 'active',
    context: {},
    ...rest,
  };
  return record;
};
const stateOf = (...records: ErrorRecord[]) => {
  const store = createErrorStore();
  for (const r of records) store.getState().upsert(r);
  return store.getState();
};

describe('selectors', () => {
  it('reports the most intrusive active presentation, ignoring dismissed and recovered records', () => {
    expect(selectActivePresentation(stateOf())).toBe('silent');
    const state = stateOf(
      rec({ presentation: 'toast' }),
      rec({ presentation: 'fullscreen', status: 'recovered' }),
      rec({ presentation: 'dialog', status: 'dismissed' }),
      rec({ presentation: 'inline' }),
    );
    expect(selectActivePresentation(state)).toBe('toast');
  });

  it('counts occurrences by kind and by severity', () => {
    const state = stateOf(
      rec({ kind: 'network', count: 3 }),
      rec({ kind: 'server', severity: 'critical', count: 2 }),
      rec({ kind: 'network', severity: 'warning', count: 1 }),
    );
    expect(selectCountsByKind(state)).toEqual({ network: 4, server: 2 });
    expect(selectCountsBySeverity(state)).toEqual({ error: 3, critical: 2, warning: 1 });
  });

  it('counts the error rate over the last minute only', () => {
    const state = stateOf(
      rec({ lastSeen: 0 }),
      rec({ lastSeen: 30_000 }),
      rec({ lastSeen: 61_000 }),
      rec({ lastSeen: 61_500 }),
    );
    expect(selectErrorRate(state, 61_999)).toBe(3);
    expect(selectErrorRate(state, 200_000)).toBe(0);
  });

  it('presents at most three toasts, newest first, and queues the rest', () => {
    const records = Array.from({ length: 7 }, () => rec());
    const presented = selectPresented(stateOf(...records));
    expect(presented.toasts.map((r) => r.id)).toEqual([records[6]!.id, records[5]!.id, records[4]!.id]);
    expect(presented.queuedToasts).toBe(4);
  });

  it('presents one dialog, the most severe, and holds toasts while it is up', () => {
    const error = rec({ presentation: 'dialog' });
    const critical = rec({ presentation: 'dialog', severity: 'critical' });
    const later = rec({ presentation: 'dialog' });
    const presented = selectPresented(stateOf(error, critical, later, rec()));
    expect(presented.dialog).toBe(critical);
    expect(presented.toasts).toEqual([]);
    expect(presented.queuedToasts).toBe(1);
  });

  it('lets a fullscreen error replace the dialog, but leaves a page boundary to show its own', () => {
    const byBoundary = rec({ presentation: 'fullscreen', context: { source: 'boundary', level: 'page' } });
    const dialog = rec({ presentation: 'dialog' });
    expect(selectPresented(stateOf(byBoundary, dialog))).toMatchObject({ fullscreen: undefined, dialog });
    const global = rec({ presentation: 'fullscreen', context: { source: 'global' } });
    expect(selectPresented(stateOf(global, dialog))).toMatchObject({ fullscreen: global, dialog: undefined });
  });

  it('treats presentations with the same records as equal', () => {
    const state = stateOf(rec(), rec({ presentation: 'dialog' }));
    expect(isSamePresented(selectPresented(state), selectPresented(state))).toBe(true);
    const next = stateOf(...state.records, rec());
    expect(isSamePresented(selectPresented(state), selectPresented(next))).toBe(false);
  });
});

describe('keepShownToasts', () => {
  it('keeps the toasts on screen and fills free slots with the newest waiting ones', () => {
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => rec());
    const waiting = [e!, d!, c!, b!, a!]; // newest first
    expect(keepShownToasts(waiting, new Set([a!.fingerprint, b!.fingerprint]), 3)).toEqual([b, a, e]);
    expect(keepShownToasts(waiting, new Set(), 3)).toEqual([e, d, c]);
    expect(keepShownToasts([d!], new Set([a!.fingerprint]), 3)).toEqual([d]);
  });
});
