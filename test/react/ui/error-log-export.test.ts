import { AppError, csvCell, errorLogToCsv, errorLogToJson, ERROR_LOG_EXPORT_COLUMNS } from 'bulwark';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../helpers/make-record';

/**
 * RFC 4180 reader, written independently of the writer: quoted fields, doubled quotes, CRLF rows. The
 * separator is a parameter: Excel in de/fr/nl locales splits on `;`, LibreOffice's import on tab too.
 */
function parseCsv(text: string, separator = ','): string[][] {
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
    else if (char === separator) {
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

/**
 * What a spreadsheet could evaluate, checked more broadly than the writer's own rule: after any white space
 * or invisible characters, an ASCII or full-width formula sign; or a control character first.
 */
const runnable = (cell: string): boolean =>
  /^[\t\r\n\0]/.test(cell) ||
  /^[\s\u00ad\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell);
const plainNumber = (cell: string): boolean => /^[+-]?\d+(\.\d+)?$/.test(cell);

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

  it('quotes every text cell, so a ; or tab inside can start no cell in any locale (C1)', () => {
    const messages = ['x;=1+1', 'x\t=1+1', 'x;=HYPERLINK("http://evil.example","x")', 'a,@SUM(A1)', 'a|=1'];
    const csv = errorLogToCsv(messages.map((message, i) => withMessage(message, `s${i}`)));
    for (const separator of [',', ';', '\t']) {
      const cells = parseCsv(csv, separator).flat();
      expect(cells.filter((cell) => runnable(cell) && !plainNumber(cell))).toEqual([]);
    }
    const message = ERROR_LOG_EXPORT_COLUMNS.indexOf('message');
    expect(
      parseCsv(csv)
        .slice(1)
        .map((row) => row[message]),
    ).toEqual(messages);
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('x\t=1+1')).toBe('"x\t=1+1"');
  });

  it('neutralises a formula after leading spaces or invisible characters, and full-width signs (C2, C3)', () => {
    const hidden = [
      ' =1+1',
      '  @SUM(A1)',
      '\u00a0=1+1',
      '\u200b=1+1',
      '\ufeff+1+1',
      '\u3000-1+1',
      '\n=1+1',
      '\0=1',
    ];
    const fullWidth = ['\uff1d1+1', '\uff0bSUM(A1)', '\uff0d1+1', '\uff20SUM(A1)'];
    for (const value of [...hidden, ...fullWidth]) {
      expect(csvCell(value), JSON.stringify(value)).toBe(`"'${value}"`);
    }
    const csv = errorLogToCsv([...hidden, ...fullWidth].map((message, i) => withMessage(message, `h${i}`)));
    const cells = parseCsv(csv).flat();
    expect(cells.filter((cell) => runnable(cell) && !plainNumber(cell))).toEqual([]);
  });

  it('writes a number the same whether it is a number or a string, and neutralises what only starts like one (C4)', () => {
    expect([csvCell(-5), csvCell('-5')]).toEqual(['-5', '-5']);
    expect([csvCell(-2.5), csvCell('-2.5'), csvCell('+3'), csvCell(12), csvCell('1e-3')]).toEqual([
      '-2.5',
      '-2.5',
      '+3',
      '12',
      '1e-3',
    ]);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('-1 day')).toBe(`"'-1 day"`);
    expect(csvCell('=1')).toBe(`"'=1"`);
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe(`"'-Infinity"`);
  });

  it('exports JSON rows with the same columns and no callbacks', () => {
    const record = makeRecord('j', { context: { actions: [{ id: 'retry', run: () => {} }] } });
    const [row] = JSON.parse(errorLogToJson([record])) as Record<string, unknown>[];
    expect(Object.keys(row!)).toEqual([...ERROR_LOG_EXPORT_COLUMNS]);
    expect(row).toMatchObject({ id: 'id-j', message: 'failed j', count: 1 });
  });
});
