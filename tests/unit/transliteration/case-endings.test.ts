import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/core/transliteration/index.ts';

const top = (text: string) => decode(text).readings[0];

/** Names in running Russian text: the last word inflected (genitive, dative, instrumental). */
describe('Russian case endings on Chinese names', () => {
  it.each([
    ['Ван Цзинвэя', 'wang jing wei', 'вэя'], // genitive, й replaced
    ['Ван Цзинвэем', 'wang jing wei', 'вэем'], // instrumental, й replaced
    ['Мао Цзэдуном', 'mao ze dong', 'дуном'],
    ['Чжоу-Энь-Лая', 'zhou en lai', 'Лая'],
  ])('%s reads %s, the ending shown on the syllable it was stripped from', (text, pinyin, shown) => {
    const r = top(text)!;
    expect(r.pinyin).toBe(pinyin);
    const last = r.syllables.at(-1)!;
    expect(last).toMatchObject({ text: shown, rule: 'case-ending' });
    expect(last.cost).toBeGreaterThan(0); // stripped at a cost: the form as written ranks first when it reads
  });

  it('«Мао Цзэдуна» also reads as written (du + na, cost 0); the stripped reading is among the readings, explained', () => {
    const r = decode('Мао Цзэдуна').readings.find((x) => x.pinyin === 'mao ze dong');
    expect(r?.syllables.at(-1)).toMatchObject({ text: 'дуна', rule: 'case-ending' });
  });

  it('«Ху Ханьминем» (instrumental) reads hu han ming / min among the first two', () => {
    const readings = decode('Ху Ханьминем').readings.slice(0, 2).map((r) => r.pinyin);
    expect(readings).toContain('hu han ming');
  });

  it('a name that reads as written is not stripped (no ending cost)', () => {
    expect(top('Ван Цзинвэй')).toMatchObject({ pinyin: 'wang jing wei', cost: 0 });
  });

  it('never strips an ending from a Russian given name or patronymic', () => {
    expect(decode('Ван-Си-Сян Ивана Петровича').russianParts).toEqual(['Ивана', 'Петровича']);
    expect(decode('Мын-Бин-Юй Францем Эдуардовичем').russianParts).toEqual(['Францем', 'Эдуардовичем']);
    const d = decode('Ван-Си-Сян Ивана Петровича');
    expect(d.readings[0]!.pinyin).toBe('wang xi xiang');
    for (const r of d.readings) expect(r.syllables.every((s) => s.rule !== 'case-ending')).toBe(true);
    expect(decode('Иванова Мария Петровна').readings).toEqual([]);
    // Regression (found by properties.test.ts): a joined Chinese name ending in -ичи is no inflected patronymic.
    expect(decode('Ацзичи').readings[0]?.pinyin).toBe('a ji chi');
  });
});

describe('ordering weak points', () => {
  it('«Нан» reads nan (南, the ь lost) before nang (rare in names)', () => {
    const readings = decode('Нан').readings.map((r) => r.pinyin);
    expect(readings[0]).toBe('nan');
    expect(readings).toContain('nang');
    expect(decode('Чжоу-Хуа-Нан').readings[0]!.pinyin).toBe('zhou hua nan');
  });

  it('«Эн» reads en before the rare eng; «Жэн» ren before reng', () => {
    expect(top('Чжоу-Эн-Лай')!.pinyin).toBe('zhou en lai');
    expect(decode('Жэн').readings.slice(0, 2).map((r) => r.pinyin)).toEqual(['ren', 'reng']);
  });
});
