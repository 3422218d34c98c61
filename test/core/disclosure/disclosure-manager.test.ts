import { AppError, createDisclosureManager, type ErrorRecord, type Presentation } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

const at = (
  occurrences: number[],
  severity: AppError['severity'] = 'error',
  context: ErrorRecord['context'] = {},
): ErrorRecord => ({
  id: 'r',
  fingerprint: 'f',
  error: new AppError('x', { severity }),
  count: occurrences.length,
  firstSeen: occurrences[0]!,
  lastSeen: occurrences.at(-1)!,
  occurrences,
  presentation: 'silent',
  status: 'active',
  context,
});
/** The presentations of the 1st…nth occurrence, one second apart. */
const ladder = (
  n: number,
  decide: (r: ErrorRecord) => Presentation,
  severity?: AppError['severity'],
  context?: ErrorRecord['context'],
) =>
  Array.from({ length: n }, (_, i) =>
    decide(
      at(
        Array.from({ length: i + 1 }, (_, j) => j * 1000),
        severity,
        context,
      ),
    ),
  );
const user = { userAction: 'save draft' };
const surface = { inlineSurface: true };

describe('disclosure manager', () => {
  it('shows a first failure as a toast when nothing renders it inline', () => {
    const { decide } = createDisclosureManager();
    expect(decide(at([0]))).toBe('toast');
    expect(decide(at([0], 'warning', { source: 'hook', userAction: 'save' }))).toBe('toast');
  });

  it('chooses inline only where the capture has an inline surface', () => {
    const { decide } = createDisclosureManager();
    expect(decide(at([0], 'error', surface))).toBe('inline');
    expect(decide(at([0], 'error', { source: 'boundary', level: 'component', inlineSurface: true }))).toBe(
      'inline',
    );
  });

  it('climbs the ladder for a user action that keeps failing, up to a dialog', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(8, decide, 'error', user)).toEqual([
      'toast',
      'toast',
      'toast',
      'dialog',
      'dialog',
      'dialog',
      'dialog',
      'dialog',
    ]);
  });

  it('never takes the page for recurrence of a background error: at most a toast', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(16, decide).every((p) => p === 'toast')).toBe(true);
    expect(ladder(16, decide, 'error', { source: 'policy', name: 'poll' }).at(-1)).toBe('toast');
    expect(ladder(16, decide, 'error', { source: 'global' }).at(-1)).toBe('toast');
  });

  it('keeps a recurring error on its inline surface instead of adding a toast (one place on screen)', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(8, decide, 'error', surface).every((p) => p === 'inline')).toBe(true);
    // Until the user is blocked: their action keeps failing, and the dialog takes over.
    expect(ladder(5, decide, 'error', { ...surface, ...user })).toEqual([
      'inline',
      'inline',
      'inline',
      'dialog',
      'dialog',
    ]);
  });

  it('counts only occurrences inside the window', () => {
    const { decide } = createDisclosureManager({ windowMs: 10_000 });
    expect(decide(at([0, 1000, 2000, 3000], 'error', user))).toBe('dialog');
    expect(decide(at([0, 1000, 5000, 13_000], 'error', user))).toBe('toast');
    expect(decide(at([0, 1000, 2000, 30_000], 'error', surface))).toBe('inline');
  });

  it('keeps info silent however often it recurs, unless the table raises it', () => {
    expect(ladder(8, createDisclosureManager().decide, 'info').every((p) => p === 'silent')).toBe(true);
    const asked = createDisclosureManager({
      rules: {
        severity: { ...createDisclosureManager().rules.severity, info: { start: 'silent', max: 'toast' } },
      },
    });
    expect(ladder(3, asked.decide, 'info')).toEqual(['silent', 'toast', 'toast']);
  });

  it('never takes a warning past a toast; a critical error blocks, starting at a dialog', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(8, decide, 'warning', user).at(-1)).toBe('toast');
    expect(ladder(6, decide, 'critical')).toEqual([
      'dialog',
      'dialog',
      'dialog',
      'dialog',
      'dialog',
      'fullscreen',
    ]);
  });

  it('sends a page- or app-level boundary straight to fullscreen', () => {
    const { decide } = createDisclosureManager();
    expect(decide(at([0], 'error', { source: 'boundary', level: 'page' }))).toBe('fullscreen');
    expect(decide(at([0], 'warning', { source: 'boundary', level: 'app' }))).toBe('fullscreen');
    expect(decide(at([0], 'error', { source: 'boundary', level: 'component', ...surface }))).toBe('inline');
  });

  it('uses configured thresholds and reach', () => {
    const { decide } = createDisclosureManager({
      rules: { recurrence: [{ from: 3, presentation: 'dialog' }] },
    });
    expect(ladder(4, decide, 'error', { ...surface, ...user })).toEqual([
      'inline',
      'inline',
      'dialog',
      'dialog',
    ]);
    const fullscreenAllowed = createDisclosureManager({
      rules: { reach: { background: 'toast', userAction: 'fullscreen' } },
    });
    expect(ladder(6, fullscreenAllowed.decide, 'error', user).at(-1)).toBe('fullscreen');
  });
});
