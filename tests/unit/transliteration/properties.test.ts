import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decode, toPalladius, toWadeGiles } from '../../../src/core/transliteration/index.ts';
import { SYLLABLES } from '../../../src/core/transliteration/inventory.ts';
import { RARE_NAME_SYLLABLES } from '../../../src/core/transliteration/tables/name-syllable-priors.data.ts';
import { palladiusSegmentations, wadeGilesReadsAsPinyin } from './helpers.ts';

const syllable = fc.constantFrom(...SYLLABLES.map((r) => r.pinyin));
const name = fc.array(syllable, { minLength: 1, maxLength: 4 });
const RUNS = 300;

describe('decode never throws and stays bounded', () => {
  it('for any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: -5, max: 50 }), (text, max) => {
        const r = decode(text, { maxReadings: max });
        expect(r.readings.length).toBeLessThanOrEqual(Math.max(1, Math.min(32, max)));
        for (const reading of r.readings) expect(reading.syllables.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: RUNS },
    );
  });

  it('for any mix of Cyrillic, Latin, Han and separators', () => {
    const ch = fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЧЖ-  .abcdhsiuü\'’王張单1'.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 120 }), (chars) => {
        const r = decode(chars.join(''));
        expect(r.readings.length).toBeLessThanOrEqual(8);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('round trips give the original at rank 1', () => {
  // A syllable rare in names (die) yields rank 1 to the likelier reading of its spelling (де = de).
  const rare = (syl: string[]) => syl.some((s) => RARE_NAME_SYLLABLES.has(s));

  it('pinyin → Palladius record «Ван-Си-Сян» → decode', () => {
    fc.assert(
      fc.property(name, (syl) => {
        const readings = decode(toPalladius(syl, 'record')).readings.map((r) => r.pinyin);
        if (rare(syl)) expect(decode(toPalladius(syl, 'record'), { maxReadings: 32 }).readings.map((r) => r.pinyin)).toContain(syl.join(' '));
        else expect(readings[0]).toBe(syl.join(' '));
      }),
      { numRuns: RUNS },
    );
  });

  /**
   * Joined Palladius is genuinely ambiguous when the joined word splits into standard
   * syllables in more than one way (чуай = chuai or chu + ai, юань = yuan or you + an):
   * then the original must be among the readings, and fewer syllables rank first.
   */
  for (const style of ['modern', 'joined'] as const) {
    it(`pinyin → Palladius ${style} → decode`, () => {
      fc.assert(
        fc.property(name, (syl) => {
          const text = toPalladius(syl, style);
          const ambiguous = text.split(' ').some((w) => palladiusSegmentations(w) > 1);
          const readings = decode(text).readings.map((r) => r.pinyin);
          // Several ambiguous or rare syllables multiply the readings ahead of the original
          // («Хуан Лотунте»: ло = luo first, те = te first), so it is looked for deeper.
          if (ambiguous || rare(syl)) expect(decode(text, { maxReadings: 32 }).readings.map((r) => r.pinyin)).toContain(syl.join(' '));
          else expect(readings[0]).toBe(syl.join(' '));
        }),
        { numRuns: RUNS },
      );
    });
  }

  /** "Chang San" is also pinyin (chang san): pinyin is read first, the WG reading must still be there. */
  it('pinyin → Wade–Giles → decode', () => {
    fc.assert(
      fc.property(name, (syl) => {
        const text = toWadeGiles(syl);
        const readings = decode(text).readings.map((r) => r.pinyin);
        // Chart homographs (lo = luo or lo, o = e or o) read as either: the reading is there.
        if (wadeGilesReadsAsPinyin(text) || syl.some((s) => s === 'lo' || s === 'o')) expect(readings).toContain(syl.join(' '));
        else expect(readings[0]).toBe(syl.join(' '));
      }),
      { numRuns: RUNS },
    );
  });

  it('pinyin → pinyin spaced → decode', () => {
    fc.assert(
      fc.property(name, (syl) => {
        expect(decode(syl.join(' ')).readings[0]?.pinyin).toBe(syl.join(' '));
      }),
      { numRuns: RUNS },
    );
  });
});
