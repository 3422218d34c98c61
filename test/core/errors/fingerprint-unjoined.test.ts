import { describe, expect, it } from 'vitest';
import { AppError, fingerprint } from 'bulwark/core';
import { base36, clean } from '../../../src/core/errors/fingerprint';
import { benignStrings } from './corpus/benign';

/** The fingerprint as it was before it hashed its parts one by one and found the top frame without `exec`. */
const joinedHash = (text: string): string => {
  let low = 0x811c9dc5;
  let high = 0;
  for (let i = 0; i < text.length; i++) {
    low = Math.imul(low ^ text.charCodeAt(i), 16777619);
    high = Math.imul(high ^ low, 2654435761);
  }
  return base36(4294967296 * (2097151 & (high >>> 11)) + (low >>> 0));
};
const execTopFrame = (stack: unknown): string =>
  typeof stack === 'string'
    ? ((/^[ \t]*at .*/m.exec(stack.slice(0, 20_000)) ??
        /^[^\n@]*@\S*:\d.*/m.exec(stack.slice(0, 20_000)))?.[0] ?? '')
    : '';
const part = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' ? `${value}`.slice(0, 500) : '';
const joined = (error: AppError & { url?: unknown }): string =>
  `${part(error.kind) || 'unknown'}:${joinedHash(
    [
      part(error.code),
      part(error.status),
      clean(part(error.url)),
      clean(part(error.message)),
      clean(execTopFrame(error.stack).slice(0, 500)),
    ].join('|'),
  )}`;

const stacks = [
  undefined,
  '',
  'Error: boom',
  'Error: boom\n    at save (https://app.example/a.js:10:5)\n    at x (b.js:1:1)',
  'Error: boom\r\n    at save (https://app.example/a.js:10:5)\r\n    at x',
  'Error: two\nlines\n\tat tabbed (a.js:1:2)',
  'Error: at first line is not a frame\n  at real (a.js:3:4)',
  'at the very start (a.js:1:1)\nnext',
  'Error: sep\u2028    at afterLineSeparator (a.js:1:1)\u2029rest',
  '    at endsWithoutNewline (a.js:9:9)',
  'save@https://app.example/a.js:1:2\nx@b.js:3:4',
  'Error: firefox\nsave@https://app.example/a.js:1:2\r\nx@b.js:3:4',
  'Error: nothing like a frame\nhere\nor here',
  `Error: long\n${'x'.repeat(25_000)}\n    at pastTheSearch (a.js:1:1)`,
  `Error: long frame\n    at ${'y'.repeat(700)} (a.js:1:1)`,
  'Error: ünïcödé 名前\n    at 関数 (ファイル.js:1:1)',
  'Error: not quite\n    atlas (a.js:1:1)\n \t at mixedBlanks (a.js:2:2)',
  'Error: blank lines\n\n\r\n   \n    at afterBlanks (a.js:1:1)',
  'Error: ends in a terminator\n',
  '\u00a0   at notABlank (a.js:1:1)\n    at real (a.js:2:2)',
  'Error: a message line\nat home (a.js:1:1)\n    at real (a.js:2:2)',
  'Error: what a day\n    at real (a.js:2:2)',
  'Error: cr\r    at afterCarriageReturn (a.js:1:1)\n    at real (a.js:2:2)',
];

describe('fingerprint, hashed part by part (issue 11, tenth session)', () => {
  it('gives what the joined hash and the exec top frame gave, over stacks and messages', () => {
    const cases: AppError[] = [];
    for (const stack of stacks)
      for (const message of ['boom', 'Order 123 | failed', '', ...benignStrings.slice(0, 40)]) {
        const error = new AppError(message, { code: 'E_X', status: 503, kind: 'server' });
        cases.push(Object.assign(error, { stack }));
        cases.push(Object.assign(new AppError(message), { stack, url: 'https://api.example/x?token=1' }));
      }
    const differ = cases.filter((error) => fingerprint(error) !== joined(error));
    expect(cases.length).toBeGreaterThan(1000);
    expect(differ.map((error) => [error.message, error.stack])).toEqual([]);
  });
});
