import { AppError, csvCell, errorLogToCsv, errorLogToJson, ERROR_LOG_EXPORT_COLUMNS } from 'bulwark';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../helpers/make-record';

/** RFC 4180 reader, written independently of the writer: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const withMessage = (message: string, id: string) =>
  makeRecord(id, { error: new AppError(message), context: { feature: '@admin' } });

describe('error log export', () => {
  it('writes CSV that reads back cell for cell, with formulas neutralised (OWASP: = + - @ tab CR)', () => {
    const messages = [
      '=HYPERLINK("http://evil.example","click")',
      '+SUM(A1:A9)',
      '-2+3',
      '@cmd',
      '\t=1+1',
      '\r=1+1',
      'plain, with "quotes"\nand a line break',
      'safe = later in the text',
    ];
    const csv = errorLogToCsv(messages.map((message, i) => withMessage(message, `f${i}`)));
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...ERROR_LOG_EXPORT_COLUMNS]);
    const message = ERROR_LOG_EXPORT_COLUMNS.indexOf('message');
    const feature = ERROR_LOG_EXPORT_COLUMNS.indexOf('feature');
    expect(rows.map((row) => row[message])).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      `'+SUM(A1:A9)`,
      `'-2+3`,
      `'@cmd`,
      `'\t=1+1`,
      `'\r=1+1`,
      'plain, with "quotes"\nand a line break',
      'safe = later in the text',
    ]);
    expect(rows.every((row) => row[feature] === `'@admin`)).toBe(true);
    expect(rows.every((row) => row.length === ERROR_LOG_EXPORT_COLUMNS.length)).toBe(true);
  });

  it('keeps numbers as numbers and quotes only what needs it', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('=1')).toBe(`"'=1"`);
  });

  it('exports JSON rows with the same columns and no callbacks', () => {
    const record = makeRecord('j', { context: { actions: [{ id: 'retry', run: () => {} }] } });
    const [row] = JSON.parse(errorLogToJson([record])) as Record<string, unknown>[];
    expect(Object.keys(row!)).toEqual([...ERROR_LOG_EXPORT_COLUMNS]);
    expect(row).toMatchObject({ id: 'id-j', message: 'failed j', count: 1 });
  });
});
