import { describe, expect, it } from 'vitest';
import { decode, toPalladius, toWadeGiles } from '../../../src/core/transliteration/index.ts';
import { decodeLatinChannel } from '../../../src/core/transliteration/latin.decoder.ts';
import { RARE_NAME_SYLLABLES } from '../../../src/core/transliteration/tables/name-syllable-priors.data.ts';
import { readGolden } from './helpers.ts';

describe('golden: palladius.tsv', () => {
  const rows = readGolden('palladius.tsv');
  it('covers every inventory syllable in both directions', () => {
    expect(rows.filter((r) => r.direction === 'pinyin->palladius').length).toBe(rows.length / 2);
  });
  it.each(rows.filter((r) => r.direction === 'pinyin->palladius'))('$input → $expected', ({ input, expected }) => {
    expect(toPalladius([input], 'joined').toLowerCase()).toBe(expected);
  });
  // The standard spelling reads as its syllable first at cost 0 — except a syllable
  // rare in names (де = die), which costs its prior and may yield to a likelier reading.
  it.each(rows.filter((r) => r.direction === 'palladius->pinyin'))('$input → $expected', ({ input, expected }) => {
    const readings = decode(input).readings;
    const prior = RARE_NAME_SYLLABLES.get(expected) ?? 0;
    expect(readings.find((r) => r.pinyin === expected)?.cost).toBe(prior);
    if (prior === 0) expect(readings[0]?.pinyin).toBe(expected);
  });
});

describe('golden: wade-giles.tsv', () => {
  const rows = readGolden('wade-giles.tsv');
  it.each(rows.filter((r) => r.direction === 'pinyin->wade-giles'))('$input → $expected', ({ input, expected }) => {
    expect(toWadeGiles([input]).toLowerCase()).toBe(expected);
  });
  // Through the Wade–Giles channel alone: "chang" is also pinyin, and decode() as a
  // whole rightly puts the pinyin reading first (tested in properties.test.ts).
  // A chart homograph (lo = luo or lo, o = e or o) reads as either; the other spellings first.
  const back = rows.filter((r) => r.direction === 'wade-giles->pinyin');
  const homographs = new Set(back.filter((r, i) => back.findIndex((x) => x.input === r.input) !== i).map((r) => r.input));
  it.each(back)('$input → $expected', ({ input, expected }) => {
    const readings = decodeLatinChannel(input, 'wade-giles').map((r) => r.pinyin);
    if (homographs.has(input)) expect(readings.slice(0, 2)).toContain(expected);
    else expect(readings[0]).toBe(expected);
  });
});
