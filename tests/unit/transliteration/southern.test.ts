import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/core/transliteration/index.ts';
import { jyutpingToCyrillic, SOUTHERN_COST } from '../../../src/core/transliteration/southern.ts';
import { JYUTPING_INITIALS, JYUTPING_NUCLEI } from '../../../src/core/transliteration/tables/jyutping-cyrillic.data.ts';

describe('Cantonese (Jyutping) → Cyrillic table', () => {
  it.each([
    ['wong4', 0, 'вон'], ['wong4', 1, 'вонг'], ['jip6', 0, 'ип'], ['can4', 0, 'чань'], ['can4', 1, 'чан'],
    ['lau4', 0, 'лау'], ['ng4', 0, 'нг'], ['gwok3', 0, 'квок'], ['zoeng1', 1, 'чёнг'], ['jau4', 0, 'яу'],
  ] as const)('%s (habit %i) → %s', (j, habit, cyr) => {
    expect(jyutpingToCyrillic(j, habit)).toBe(cyr);
  });

  it('covers every initial and nucleus with Cyrillic letters only', () => {
    for (const v of Object.values(JYUTPING_INITIALS)) expect(v).toMatch(/^[а-яё]*$/);
    for (const [, a, b] of JYUTPING_NUCLEI) expect(a + b).toMatch(/^[а-яё]+$/);
    expect(jyutpingToCyrillic('xyz1', 0)).toBeUndefined();
  });
});

describe('the southern channel of a character query', () => {
  it('黃 (Wong) also reads as a record written «Вонг…» would, ranked below every Mandarin reading', () => {
    const readings = decode('黃志明', { maxReadings: 16 }).readings;
    expect(readings[0]).toMatchObject({ pinyin: 'huang zhi ming', cost: 0 });
    const southern = readings.filter((r) => r.syllables[0]!.rule.startsWith('cantonese'));
    expect(southern.length).toBeGreaterThan(0);
    const cheapestSouthern = Math.min(...southern.map((r) => r.cost));
    expect(cheapestSouthern).toBeGreaterThanOrEqual(SOUTHERN_COST);
    for (const r of readings.filter((x) => !southern.includes(x))) expect(r.cost).toBeLessThan(cheapestSouthern);
    // The explanation names the Cantonese form it went through.
    expect(southern[0]!.syllables[0]!.rule).toMatch(/^cantonese Вон(г)?-Чи-Мин(г)?:/);
    // The same readings as the record «Вонг-Чи-Минг» decodes to, so search meets it.
    const record = decode('Вонг-Чи-Минг').readings.map((r) => r.pinyin);
    expect(southern.some((r) => record.includes(r.pinyin))).toBe(true);
  });

  it('葉 (Yip) reads through «Ип»', () => {
    const southern = decode('葉國華', { maxReadings: 16 }).readings.filter((r) => r.syllables[0]!.rule.startsWith('cantonese'));
    expect(southern[0]!.syllables[0]!.rule).toMatch(/^cantonese Ип-Квок-Ва:/);
  });
});
