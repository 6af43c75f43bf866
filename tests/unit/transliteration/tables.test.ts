import { describe, expect, it } from 'vitest';
import { SYLLABLES, splitPinyin, syllableByPinyin } from '../../../src/core/transliteration/inventory.ts';
import { CYRILLIC_VARIANTS, DIALECT_PAIRS, CASE_ENDINGS } from '../../../src/core/transliteration/tables/cyrillic-variants.data.ts';
import { RARE_NAME_SYLLABLES } from '../../../src/core/transliteration/tables/name-syllable-priors.data.ts';
import { PINYIN_VARIANTS, WADE_GILES_VARIANTS } from '../../../src/core/transliteration/tables/latin-variants.data.ts';
import { COMPOUND_SURNAMES } from '../../../src/core/transliteration/tables/compound-surnames.data.ts';
import { COMMON_SURNAMES } from '../../../src/core/transliteration/tables/common-surnames.data.ts';
import { ALIASES } from '../../../src/core/transliteration/tables/aliases.data.ts';
import { RUSSIAN_GIVEN_NAMES } from '../../../src/core/transliteration/tables/russian-names.data.ts';
import { CYRILLIC_SPELLINGS, PINYIN_SPELLINGS, WADE_GILES_SPELLINGS } from '../../../src/core/transliteration/channels.ts';
import { applyRule } from '../../../src/core/transliteration/spelling.trie.ts';

function duplicates(xs: readonly string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) !== i);
}

describe('syllable inventory', () => {
  it('has about 410 syllables with no duplicate pinyin', () => {
    expect(SYLLABLES.length).toBeGreaterThanOrEqual(395);
    expect(SYLLABLES.length).toBeLessThanOrEqual(425);
    expect(duplicates(SYLLABLES.map((r) => r.pinyin))).toEqual([]);
  });

  it('Palladius is injective but for the chart homograph ло (luo, lo)', () => {
    expect(duplicates(SYLLABLES.map((r) => r.palladius))).toEqual(['ло']);
  });

  it('Wade–Giles is injective with diacritics but for the chart homographs lo (luo, lo) and o (e, o)', () => {
    expect(duplicates(SYLLABLES.map((r) => r.wadeGiles)).sort()).toEqual(['lo', 'o']);
  });

  it('uses only lower-case letters of the right alphabet', () => {
    for (const r of SYLLABLES) {
      expect(r.pinyin).toMatch(/^[a-zü]+$/);
      expect(r.palladius).toMatch(/^[а-яё]+$/);
      expect(r.wadeGiles).toMatch(/^[a-zêü']+$/);
    }
  });

  it('follows the chart on the forms that are easy to get wrong', () => {
    const expectations: Record<string, [string, string]> = {
      zhuo: ['чжо', 'cho'], shuo: ['шо', 'shuo'], guo: ['го', 'kuo'], bo: ['бо', 'po'], ye: ['е', 'yeh'], yan: ['янь', 'yen'],
      you: ['ю', 'yu'], yu: ['юй', 'yü'], yue: ['юэ', 'yüeh'], yuan: ['юань', 'yüan'], yun: ['юнь', 'yün'], yong: ['юн', 'yung'],
      wei: ['вэй', 'wei'], er: ['эр', 'erh'], zi: ['цзы', 'tzu'], ci: ['цы', "tz'u"], si: ['сы', 'ssu'], zhi: ['чжи', 'chih'],
      chi: ['чи', "ch'ih"], ri: ['жи', 'jih'], ju: ['цзюй', 'chü'], lü: ['люй', 'lü'], lüe: ['люэ', 'lüeh'], ge: ['гэ', 'ko'],
      he: ['хэ', 'ho'], hui: ['хуэй', 'hui'], gui: ['гуй', 'kuei'], zhun: ['чжунь', 'chun'], xiong: ['сюн', 'hsiung'],
      e: ['э', 'o'], xi: ['си', 'hsi'], qi: ['ци', "ch'i"], jian: ['цзянь', 'chien'], jie: ['цзе', 'chieh'],
    };
    for (const [p, [pall, wg]] of Object.entries(expectations)) {
      expect(syllableByPinyin(p), p).toMatchObject({ palladius: pall, wadeGiles: wg });
    }
  });

  it('splits every syllable into a known initial and a final', () => {
    for (const r of SYLLABLES) {
      expect(['', 'b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh', 'r', 'z', 'c', 's']).toContain(r.initial);
      expect(r.initial + r.final === r.pinyin || r.initial === '' || ['j', 'q', 'x'].includes(r.initial)).toBe(true);
    }
    expect(splitPinyin('xue')).toEqual({ initial: 'x', final: 'üe' });
    expect(splitPinyin('wen')).toEqual({ initial: '', final: 'un' });
  });
});

describe('variant rules', () => {
  const allRules = [...CYRILLIC_VARIANTS, ...PINYIN_VARIANTS, ...WADE_GILES_VARIANTS];

  it('have positive costs below a dialect confusion, except ü typing habits', () => {
    for (const r of allRules) {
      expect(r.cost, r.name).toBeGreaterThanOrEqual(0);
      expect(r.cost, r.name).toBeLessThan(1);
    }
  });

  it('each applies to at least one inventory syllable (no dead rule)', () => {
    for (const rule of CYRILLIC_VARIANTS) expect(SYLLABLES.some((r) => applyRule(rule, r.palladius, r) !== null), rule.name).toBe(true);
    for (const rule of WADE_GILES_VARIANTS) expect(SYLLABLES.some((r) => applyRule(rule, r.wadeGiles, r) !== null), rule.name).toBe(true);
    for (const rule of PINYIN_VARIANTS) expect(SYLLABLES.some((r) => applyRule(rule, r.pinyin, r) !== null), rule.name).toBe(true);
  });

  it('every generated spelling maps to inventory syllables, cheapest first', () => {
    for (const map of [CYRILLIC_SPELLINGS, PINYIN_SPELLINGS, WADE_GILES_SPELLINGS]) {
      for (const [spelling, emissions] of map) {
        expect(spelling.length).toBeGreaterThan(0);
        for (const e of emissions) expect(SYLLABLES[e.syl], spelling).toBeDefined();
        const costs = emissions.map((e) => e.cost);
        expect(costs).toEqual([...costs].sort((a, b) => a - b));
      }
    }
  });

  it('no variant shadows a standard spelling: a standard spelling reads as its own syllable at cost 0 first', () => {
    for (const r of SYLLABLES) {
      if (RARE_NAME_SYLLABLES.has(r.pinyin)) continue; // below
      expect(CYRILLIC_SPELLINGS.get(r.palladius)![0]).toMatchObject({ syl: r.id, cost: 0 });
      expect(PINYIN_SPELLINGS.get(r.pinyin)![0]).toMatchObject({ syl: r.id, cost: 0 });
      // Chart homographs: Wade–Giles lo is luo first, o is e first (the older rows).
      if (r.wadeGiles !== 'lo' && r.wadeGiles !== 'o') expect(WADE_GILES_SPELLINGS.get(r.wadeGiles)![0]).toMatchObject({ syl: r.id, cost: 0 });
    }
  });

  it('a syllable rare in names costs its prior in Cyrillic, and its spelling has a likelier reading (else the prior is pointless)', () => {
    expect(RARE_NAME_SYLLABLES.size).toBeGreaterThan(0);
    for (const [pinyin, prior] of RARE_NAME_SYLLABLES) {
      const row = SYLLABLES.find((r) => r.pinyin === pinyin);
      expect(row, pinyin).toBeDefined();
      const emissions = CYRILLIC_SPELLINGS.get(row!.palladius)!;
      expect(emissions.find((e) => e.syl === row!.id)).toMatchObject({ cost: prior, rule: 'rare-in-names' });
      // о has no other reading: its prior keeps the interjection o from splitting «Гоо» into guo + o.
      if (pinyin === 'o') continue;
      expect(emissions[0]!.syl, `${row!.palladius} still reads ${pinyin} first`).not.toBe(row!.id);
      expect(emissions[0]!.cost).toBeLessThan(prior);
      // The other channels are not affected: a pinyin or Wade–Giles spelling says which syllable it means.
      expect(PINYIN_SPELLINGS.get(pinyin)![0]).toMatchObject({ syl: row!.id, cost: 0 });
    }
  });

  it('no rule is shadowed by a longer rule with the same effect', () => {
    for (const a of CYRILLIC_VARIANTS) {
      for (const b of CYRILLIC_VARIANTS) {
        if (a === b || a.where !== b.where || a.pinyin || b.pinyin) continue;
        const same = b.from.endsWith(a.from) && b.to === b.from.slice(0, b.from.length - a.from.length) + a.to;
        expect(same && b.where !== 'initial', `${b.name} repeats ${a.name}`).toBe(false);
      }
    }
  });

  it('dialect pairs have distinct sides and case endings are short Cyrillic suffixes', () => {
    for (const [a, b] of DIALECT_PAIRS) expect(a).not.toBe(b);
    expect(duplicates(DIALECT_PAIRS.map(([a, b]) => `${a}|${b}`))).toEqual([]);
    for (const e of CASE_ENDINGS) expect(e).toMatch(/^[а-я]{1,2}$/);
    expect(duplicates([...CASE_ENDINGS])).toEqual([]);
  });
});

describe('name tables', () => {
  it('compound surnames: no duplicates, inventory syllables, two characters', () => {
    expect(duplicates(COMPOUND_SURNAMES.map((c) => c.pinyin.join(' ')))).toEqual([]);
    expect(duplicates(COMPOUND_SURNAMES.map((c) => c.hanzi))).toEqual([]);
    for (const c of COMPOUND_SURNAMES) {
      for (const p of c.pinyin) expect(syllableByPinyin(p), p).toBeDefined();
      expect([...c.hanzi]).toHaveLength(2);
    }
  });

  it('common surnames: about 100, inventory syllables, unique characters', () => {
    expect(COMMON_SURNAMES.length).toBeGreaterThanOrEqual(100);
    expect(duplicates(COMMON_SURNAMES.map(([, h]) => h))).toEqual([]);
    for (const [p, h] of COMMON_SURNAMES) {
      expect(syllableByPinyin(p), p).toBeDefined();
      expect([...h]).toHaveLength(1);
    }
  });

  it('aliases: unique keys, letters only, readings of inventory syllables', () => {
    const keys = ALIASES.flatMap((a) => a.keys);
    expect(duplicates(keys)).toEqual([]);
    for (const a of ALIASES) {
      for (const k of a.keys) expect(k).toMatch(/^[a-zа-я]+$/);
      for (const r of a.readings) for (const p of r.split(' ')) expect(syllableByPinyin(p), `${r}`).toBeDefined();
      expect(a.source.trim(), a.keys[0]).not.toBe('');
    }
  });

  it('Russian given names: a few hundred, lower case, unique', () => {
    expect(RUSSIAN_GIVEN_NAMES.length).toBeGreaterThan(200);
    for (const n of RUSSIAN_GIVEN_NAMES) expect(n).toMatch(/^[а-я]+$/);
  });
});
