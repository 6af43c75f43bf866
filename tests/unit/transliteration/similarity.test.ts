import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, indexKeys, similarity } from '../../../src/core/transliteration/index.ts';
import { SYLLABLES } from '../../../src/core/transliteration/inventory.ts';

const name = fc.array(fc.constantFrom(...SYLLABLES.map((r) => r.pinyin)), { minLength: 0, maxLength: 5 });

describe('similarity', () => {
  it('identical = 1, range 0..1, symmetric', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(similarity(a, a).score).toBe(1);
        const ab = similarity(a, b);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(similarity(b, a).score).toBeCloseTo(ab.score, 9);
      }),
      { numRuns: 400 },
    );
  });

  it('confusable spellings are close, different names far', () => {
    const close = similarity(['zhang', 'wen', 'han'], ['zhang', 'weng', 'han']).score;
    const dialect = similarity(['zhang'], ['zang']).score;
    const far = similarity(['wang', 'xi', 'xiang'], ['liu', 'bo', 'chun']).score;
    expect(close).toBeGreaterThan(0.9);
    expect(dialect).toBeGreaterThan(0.7);
    expect(far).toBeLessThan(0.4);
  });

  it('swapped order is recognised and reported', () => {
    const r = similarity(['wang', 'xi', 'xiang'], ['xi', 'xiang', 'wang']);
    expect(r.swapped).toBe(true);
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('a missing syllable costs less than a wrong one, with an alignment', () => {
    const r = similarity(['wang', 'xi', 'xiang'], ['wang', 'xiang']);
    expect(r.alignment).toEqual([
      { a: 'wang', b: 'wang', cost: 0, note: 'same' },
      { a: 'xi', b: null, cost: expect.any(Number), note: 'missing in b' },
      { a: 'xiang', b: 'xiang', cost: 0, note: 'same' },
    ]);
  });

  it('works on readings of different scripts', () => {
    const a = decode('Чжан-Сюэ-Лян').readings[0]!;
    const b = decode('Chang Hsüeh-liang').readings[0]!;
    expect(similarity(a, b).score).toBe(1);
  });
});

describe('indexKeys (contract with search)', () => {
  it('exact: toneless pinyin, single spaces, ü as v', () => {
    expect(indexKeys(['Wang', 'xi', 'xiang']).exact).toBe('wang xi xiang');
    expect(indexKeys(['lü', 'si']).exact).toBe('lv si');
    expect(indexKeys(['lv']).exact).toBe('lv');
  });

  it('phonetic: confusable spellings collide', () => {
    const k = (s: string[]) => indexKeys(s).phonetic;
    expect(k(['zhang'])).toBe(k(['zang']));
    expect(k(['cheng'])).toBe(k(['chen']));
    expect(k(['xi'])).toBe(k(['shi']));
    expect(k(['lü'])).toBe(k(['lu']));
    expect(k(['ge'])).toBe(k(['guo']));
    expect(k(['wen'])).toBe(k(['weng']));
    expect(k(['wang', 'xi', 'xiang'])).toBe('uan si sian');
    expect(k(['wang'])).not.toBe(k(['li']));
  });

  it('surname keys: first syllable, or a compound surname', () => {
    expect(indexKeys(['wang', 'xi', 'xiang'])).toMatchObject({ surnameExact: 'wang', surnamePhonetic: 'uan' });
    expect(indexKeys(['ou', 'yang', 'xiu']).surnameExact).toBe('ou yang');
    expect(indexKeys(decode('Пекин').readings[0]!).surnameExact).toBe('');
  });

  it('a record and its Wade–Giles form share keys', () => {
    expect(indexKeys(decode('Ван-Си-Сян').readings[0]!)).toEqual(indexKeys(decode('Wang Hsi-hsiang').readings[0]!));
  });
});
