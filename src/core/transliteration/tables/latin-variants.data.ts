import type { SpellingRule } from './cyrillic-variants.data.ts';

/**
 * Pinyin spellings beyond the standard: the ways people type ü. Applied to the
 * standard pinyin spelling. "yu"-style (lyu) is the Russian-influenced and passport
 * habit; plain "u" for ü is ambiguous with lu/nu and therefore costs more.
 */
export const PINYIN_VARIANTS: readonly SpellingRule[] = [
  { name: 'ü-as-v', cost: 0, where: 'any', from: 'ü', to: 'v' },
  { name: 'ü-as-u:', cost: 0, where: 'any', from: 'ü', to: 'u:' },
  { name: 'ü-as-yu', cost: 0.1, where: 'any', from: 'ü', to: 'yu' },
  { name: 'ü-as-u', cost: 0.3, where: 'any', from: 'ü', to: 'u' },
];

/**
 * Wade–Giles as actually typed: apostrophes and diacritics dropped, tzŭ/szu spellings,
 * "yi" for i. A dropped apostrophe turns an aspirate into its plain partner (Chang =
 * zhang or chang), so it costs more than a dropped diacritic.
 */
export const WADE_GILES_VARIANTS: readonly SpellingRule[] = [
  { name: 'no-apostrophe', cost: 0.3, where: 'any', from: "'", to: '' },
  { name: 'no-diacritic', cost: 0.1, where: 'any', from: 'ü', to: 'u' },
  { name: 'no-diacritic', cost: 0.05, where: 'any', from: 'ê', to: 'e' },
  { name: 'ü-as-yu', cost: 0.1, where: 'any', from: 'ü', to: 'yu' },
  { name: 'wg-ŭ', cost: 0, where: 'final', from: 'u', to: 'ŭ', pinyin: /^[zcs]i$/ },
  { name: 'wg-szu', cost: 0.05, where: 'whole', from: 'ssu', to: 'szu' },
  { name: 'wg-yi', cost: 0.1, where: 'whole', from: 'i', to: 'yi' },
  { name: 'wg-ê-for-o', cost: 0.1, where: 'whole', from: 'o', to: 'ê', pinyin: /^e$/ },
  { name: 'wg-e-for-o', cost: 0.15, where: 'whole', from: 'o', to: 'e', pinyin: /^e$/ },
  { name: 'wg-ê-for-o', cost: 0.2, where: 'final', from: 'o', to: 'ê', pinyin: /^[gkh]e$/ },
];
