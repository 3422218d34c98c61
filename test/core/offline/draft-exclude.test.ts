// A draft's `exclude` names fields in any script and leaves out only those (issue 9, break-it pass 3: W3).
import { omitDraftSecrets } from 'bulwark/core';
import { describe, expect, it } from 'vitest';

describe("W3: omitDraftSecrets with exclude: ['пароль'] keeps the rest of a Russian form", () => {
  it('keeps the fields that were not excluded', () => {
    const draft = { имя: 'Ада', город: 'Москва', комментарий: 'Позвоните после 18:00', пароль: 'Hunter2xyz' };
    expect(omitDraftSecrets(draft, { exclude: ['пароль'] })).toEqual({
      имя: 'Ада',
      город: 'Москва',
      комментарий: 'Позвоните после 18:00',
    });
  });

  it("exclude: ['備考'] (a Japanese notes field) keeps the other Japanese fields", () => {
    const draft = { 氏名: '山田太郎', 住所: '東京都', 備考: '内部メモ' };
    expect(omitDraftSecrets(draft, { exclude: ['備考'] })).toEqual({ 氏名: '山田太郎', 住所: '東京都' });
  });

  it('a Japanese name also leaves out a longer name ending with it (no spaces between words)', () => {
    const draft = { 氏名: '山田太郎', 社内備考: '内部メモ' };
    expect(omitDraftSecrets(draft, { exclude: ['備考'] })).toEqual({ 氏名: '山田太郎' });
  });

  it('a symbol-only entry leaves out that field alone', () => {
    expect(omitDraftSecrets({ _: 'x', имя: 'Ада', '-': 'y' }, { exclude: ['_'] })).toEqual({
      имя: 'Ада',
      '-': 'y',
    });
  });

  it('a RegExp with the g flag leaves out every field it names, not every other one', () => {
    const draft = { aNote: '1', bNote: '2', cNote: '3', title: 't' };
    expect(omitDraftSecrets(draft, { exclude: [/note$/gi] })).toEqual({ title: 't' });
  });
});
