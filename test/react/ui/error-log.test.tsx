import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppError, createResilience, ErrorLog, ResilienceContext, type Resilience } from 'bulwark';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { makeErrorLogRecords, SAMPLE_NOW } from '../../../stories/sample-error-log';

const withResilience = (resilience: Resilience, ui: ReactNode) =>
  render(<ResilienceContext.Provider value={resilience}>{ui}</ResilienceContext.Provider>);

// Plain selectors for the rows: role queries over a large table are slow in jsdom.
const bodyRows = () => [...document.querySelectorAll('tbody tr')] as HTMLElement[];
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')];

describe('<ErrorLog>', () => {
  it('lists what the store captured, with summary figures', () => {
    const resilience = createResilience();
    resilience.capture(new AppError('Payment declined', { kind: 'server', code: 'PAY' }), {
      feature: 'checkout',
    });
    resilience.capture(new AppError('Payment declined', { kind: 'server', code: 'PAY' }), {
      feature: 'checkout',
    });
    resilience.capture(new AppError('Search timed out', { kind: 'timeout' }), { feature: 'search' });
    withResilience(resilience, <ErrorLog />);
    expect(screen.getByRole('heading', { name: 'Error log' })).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(2);
    const summary = screen.getByText('Occurrences').nextElementSibling;
    expect(summary).toHaveTextContent('3');
    expect(screen.getByRole('img', { name: /^Errors per minute over 30 minutes:/ })).toBeInTheDocument();
  }, 30_000);

  it('searches, filters by every facet and sorts, with aria-sort on the sorted header', async () => {
    const user = userEvent.setup();
    withResilience(
      createResilience(),
      <ErrorLog records={makeErrorLogRecords(60)} now={SAMPLE_NOW} pageSize={100} />,
    );
    expect(bodyRows()).toHaveLength(60);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'FAILURE #1' } });
    // #1, #10–#19
    expect(bodyRows()).toHaveLength(11);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: '' } });
    await user.selectOptions(screen.getByLabelText('Kind'), 'timeout');
    expect(bodyRows().every((row) => cells(row)[2]!.textContent === 'timeout')).toBe(true);
    await user.selectOptions(screen.getByLabelText('Kind'), 'all');
    await user.selectOptions(screen.getByLabelText('Status'), 'recovered');
    expect(bodyRows()).toHaveLength(15);
    await user.selectOptions(screen.getByLabelText('Feature'), 'billing');
    expect(bodyRows()).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('Severity'), 'critical');
    expect(bodyRows().length).toBeLessThan(3);

    await user.selectOptions(screen.getByLabelText('Status'), 'all');
    await user.selectOptions(screen.getByLabelText('Feature'), 'all');
    await user.selectOptions(screen.getByLabelText('Severity'), 'all');
    const countHeader = screen.getByRole('columnheader', { name: /Count/ });
    await user.click(within(countHeader).getByRole('button'));
    expect(countHeader).toHaveAttribute('aria-sort', 'descending');
    expect(cells(bodyRows()[0]!)[4]).toHaveTextContent('5');
    await user.click(within(countHeader).getByRole('button'));
    expect(countHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(cells(bodyRows()[0]!)[4]).toHaveTextContent('1');
  }, 30_000);

  it('pages through 10,000 records, a page of rows in the DOM at a time', async () => {
    const user = userEvent.setup();
    withResilience(createResilience(), <ErrorLog records={makeErrorLogRecords(10_000)} now={SAMPLE_NOW} />);
    expect(bodyRows()).toHaveLength(50);
    const status = document.querySelector('[role="status"]');
    expect(status).toHaveTextContent('Errors 1–50 of 10000');
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(status).toHaveTextContent('Errors 51–100 of 10000');
  }, 30_000);

  it('opens a record’s details with its recovery actions, and Escape returns focus to its row', async () => {
    const user = userEvent.setup();
    const resilience = createResilience();
    const retry = vi.fn();
    resilience.capture(new AppError('Upload failed', { code: 'UPLOAD' }), {
      actions: [{ id: 'retry', run: retry }],
    });
    withResilience(resilience, <ErrorLog />);
    const open = screen.getByRole('button', { name: 'Upload failed' });
    await user.click(open);
    const detail = screen.getByRole('region', { name: 'Upload failed' });
    expect(detail).toHaveFocus();
    expect(within(detail).getByText('UPLOAD')).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Upload failed' })).not.toBeInTheDocument();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Upload failed' })).toHaveFocus());
    await user.click(screen.getByRole('button', { name: 'Upload failed' }));
    await user.click(
      within(screen.getByRole('region', { name: 'Upload failed' })).getByRole('button', {
        name: 'Try again',
      }),
    );
    expect(retry).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('exports only the filtered rows', async () => {
    const user = userEvent.setup();
    const onExport = vi.fn();
    withResilience(
      createResilience(),
      <ErrorLog records={makeErrorLogRecords(40)} now={SAMPLE_NOW} onExport={onExport} />,
    );
    await user.selectOptions(screen.getByLabelText('Feature'), 'search');
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [format, csv, rows] = onExport.mock.calls[0] as [string, string, unknown[]];
    expect(format).toBe('csv');
    expect(rows).toHaveLength(8);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(9);
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(JSON.parse(onExport.mock.calls[1]![1] as string)).toHaveLength(8);
  }, 30_000);

  it('downloads the CSV as UTF-8 with a byte-order mark, so Excel shows non-ASCII text (F15)', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    // jsdom has no object URLs: record the Blob handed to one, and keep the link from navigating.
    const created = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:error-log'));
    const { createObjectURL, revokeObjectURL } = URL;
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => {} });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    try {
      const records = [makeErrorLogRecords(1)[0]!];
      records[0] = { ...records[0]!, error: new AppError('Zahlung für Müller fehlgeschlagen: 支払い') };
      withResilience(createResilience(), <ErrorLog records={records} now={SAMPLE_NOW} />);
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await user.click(screen.getByRole('button', { name: 'Export JSON' }));
      expect(click).toHaveBeenCalledTimes(2);
      const [csv, json] = blobs as [Blob, Blob];
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.type).toBe('text/csv;charset=utf-8');
      expect(new TextDecoder().decode(bytes)).toContain('"Zahlung für Müller fehlgeschlagen: 支払い"');
      // JSON needs no mark: JSON is UTF-8 by definition (RFC 8259), and a BOM would break some parsers.
      expect(new Uint8Array(await json.arrayBuffer())[0]).toBe('['.charCodeAt(0));
    } finally {
      click.mockRestore();
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
  });

  it('has no keyboard shortcut unless given one; with one, the shortcut shows and hides it', () => {
    const { unmount } = withResilience(createResilience(), <ErrorLog defaultOpen={false} />);
    fireEvent.keyDown(document, { key: 'E', ctrlKey: true, shiftKey: true });
    expect(screen.queryByRole('heading', { name: 'Error log' })).not.toBeInTheDocument();
    unmount();
    withResilience(createResilience(), <ErrorLog defaultOpen={false} shortcut="Ctrl+Shift+E" />);
    act(() => void fireEvent.keyDown(document, { key: 'E', ctrlKey: true, shiftKey: true }));
    expect(screen.getByRole('heading', { name: 'Error log' })).toBeInTheDocument();
    act(() => void fireEvent.keyDown(document, { key: 'e', ctrlKey: true, shiftKey: true }));
    expect(screen.queryByRole('heading', { name: 'Error log' })).not.toBeInTheDocument();
  });

  it('works by keyboard alone: Tab reaches search, filters, exports, headers and rows in order', async () => {
    const user = userEvent.setup();
    withResilience(createResilience(), <ErrorLog records={makeErrorLogRecords(3)} now={SAMPLE_NOW} />);
    await user.tab();
    expect(screen.getByLabelText('Search')).toHaveFocus();
    for (let i = 0; i < 6; i++) await user.tab();
    expect(screen.getByRole('button', { name: 'Export JSON' })).toHaveFocus();
    await user.tab();
    expect(within(screen.getByRole('columnheader', { name: /Last seen/ })).getByRole('button')).toHaveFocus();
    for (let i = 0; i < 7; i++) await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: /failure #/ })).toHaveFocus();
  }, 30_000);
});
