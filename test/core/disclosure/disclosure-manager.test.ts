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
const ladder = (n: number, decide: (r: ErrorRecord) => Presentation, severity?: AppError['severity']) =>
  Array.from({ length: n }, (_, i) =>
    decide(
      at(
        Array.from({ length: i + 1 }, (_, j) => j * 1000),
        severity,
      ),
    ),
  );

describe('disclosure manager', () => {
  it('climbs the default ladder: gentle, toast twice, dialog twice, then fullscreen', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(7, decide)).toEqual([
      'inline',
      'toast',
      'toast',
      'dialog',
      'dialog',
      'fullscreen',
      'fullscreen',
    ]);
  });

  it('counts only occurrences inside the window', () => {
    const { decide } = createDisclosureManager({ windowMs: 10_000 });
    expect(decide(at([0, 1000, 2000, 3000]))).toBe('dialog');
    expect(decide(at([0, 1000, 5000, 13_000]))).toBe('toast');
    expect(decide(at([0, 1000, 2000, 30_000]))).toBe('inline');
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

  it('never takes a warning past a toast, and starts a critical error at a dialog', () => {
    const { decide } = createDisclosureManager();
    expect(ladder(8, decide, 'warning').at(-1)).toBe('toast');
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
    expect(decide(at([0], 'error', { source: 'boundary', level: 'component' }))).toBe('inline');
  });

  it('uses configured thresholds', () => {
    const { decide } = createDisclosureManager({
      rules: { recurrence: [{ from: 3, presentation: 'dialog' }] },
    });
    expect(ladder(4, decide)).toEqual(['inline', 'inline', 'dialog', 'dialog']);
  });
});
