// <ErrorLog records={…}> (records "from your backend") redacts them once, before the table, the search,
// the export and the details read them (issue 9, findings-9c N6).
import { fireEvent, render, screen } from '@testing-library/react';
import { AppError, createResilience, ErrorLog, ResilienceContext, type Resilience } from 'bulwark';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../helpers/make-record';

const SECRET = 'Hunter2xyzLog';
const NOW = 1_700_000_000_000;
const records = [
  makeRecord('backend-1', {
    error: new AppError(`Login failed: password=${SECRET}`, { code: 'LOGIN' }),
    lastSeen: NOW,
    firstSeen: NOW,
    occurrences: [NOW],
    context: { feature: 'login' },
  }),
];
const withResilience = (resilience: Resilience, ui: ReactNode) =>
  render(<ResilienceContext.Provider value={resilience}>{ui}</ResilienceContext.Provider>);

describe('<ErrorLog records> from a backend', () => {
  it('shows the message redacted in the table and finds nothing when searched for the secret', () => {
    withResilience(createResilience(), <ErrorLog records={records} now={NOW} />);
    const body = document.querySelector('tbody');
    expect(body?.textContent).toContain('Login failed: password=[REDACTED]');
    expect(body?.textContent).not.toContain(SECRET);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: SECRET } });
    expect(document.querySelectorAll('tbody tr')).toHaveLength(0);
  }, 30_000);

  it('exports CSV and JSON redacted', () => {
    const exported: string[] = [];
    withResilience(
      createResilience(),
      <ErrorLog records={records} now={NOW} onExport={(_format, text) => exported.push(text)} />,
    );
    fireEvent.click(screen.getByRole('button', { name: /CSV/i }));
    fireEvent.click(screen.getByRole('button', { name: /JSON/i }));
    expect(exported).toHaveLength(2);
    for (const text of exported) {
      expect(text).not.toContain(SECRET);
      expect(text).toContain('LOGIN');
    }
  }, 30_000);

  it("uses the app's own rules (reporting.redact)", () => {
    const own = [
      makeRecord('backend-2', {
        error: new AppError('Lookup failed for employee E123456'),
        lastSeen: NOW,
        firstSeen: NOW,
        occurrences: [NOW],
      }),
    ];
    const resilience = createResilience({
      reporting: { redact: { rules: [{ id: 'employee-id', pattern: /\bE\d{6}\b/ }] } },
    });
    withResilience(resilience, <ErrorLog records={own} now={NOW} />);
    expect(document.querySelector('tbody')?.textContent).toContain('Lookup failed for employee [REDACTED]');
  }, 30_000);
});
