import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/core/transliteration/index.ts';
import { readFixtureNames, readGolden } from './helpers.ts';

/** A Chinese-form name: not entirely Russian parts (what decode() itself decides is tested below). */
const names = readFixtureNames('mos-memo-chinese.csv');

describe('Moscow list (fixtures/mos-memo-chinese.csv)', () => {
  it('has the 67 rows', () => {
    expect(names).toHaveLength(67);
  });

  it('every Chinese-form name decodes to at least one reading', () => {
    const chineseForm = names.filter((n) => /[А-ЯЁ][а-яё]*-[А-ЯЁ]/.test(n) || /^[А-ЯЁ][а-яё]{0,4}( [А-ЯЁ][а-яё]{0,4}){1,3}$/.test(n));
    expect(chineseForm.length).toBeGreaterThanOrEqual(55);
    for (const n of chineseForm) expect(decode(n).readings.length, n).toBeGreaterThan(0);
  });

  it('names recorded in Russian only have no readings and keep their Russian parts', () => {
    for (const n of ['Травин Григорий Максимович', 'Мусатова Тамара Георгиевна', 'Мартов', 'Оглоблин Павел Константинович']) {
      const r = decode(n);
      expect(r.readings, n).toEqual([]);
      expect(r.russianParts.join(' '), n).toBe(n);
    }
  });
});

describe('golden: moscow-top-readings.tsv', () => {
  const rows = readGolden('moscow-top-readings.tsv');
  it('lists every row of the fixture', () => {
    expect(rows.map((r) => r.input).sort()).toEqual([...names].sort());
  });
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    const top = decode(input).readings[0]?.pinyin ?? '-';
    expect(top).toBe(expected);
  });
});
