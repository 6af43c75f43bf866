/**
 * Index keys — a contract with the search module, which stores them in PostgreSQL and
 * queries them with `=` and pg_trgm. Do not change their format without telling it.
 *
 * - exact: toneless pinyin syllables, lower case, single spaces, ü written "v":
 *   "wang xi xiang", "lv si". Syllables are in reading order (surname first).
 * - phonetic: each syllable reduced to its class key (initial class + final class,
 *   phonetics.ts), single spaces: "wang xi xiang" → "uan si sian", "zhang" → "zan",
 *   "cheng" → "cen". Confusable spellings collide: zh/z/j→z, ch/c/q→c, sh/s/x→s,
 *   p/b→b, t/d→d, k/g→g, h/f→h, r/l/n→l; -n/-ng merged; e/o/uo→o; ü→u;
 *   ong/iong/un/ün→un.
 * - surnameExact / surnamePhonetic: the same for the surname syllables only (the first
 *   syllable, or the first two for a compound surname); "" when no surname is known.
 *
 * Syllables stay space separated so the caller can rotate them (given name first).
 */
import type { Reading } from './types.ts';
import { phoneticKey } from './phonetics.ts';
import { surnameLength } from './reading.build.ts';
import { syllableByPinyin } from './inventory.ts';

export interface IndexKeys {
  exact: string;
  phonetic: string;
  surnameExact: string;
  surnamePhonetic: string;
}

/** Lower case, ü for v/u:, inventory spelling where known; empty strings dropped. */
export function normaliseSyllables(syllables: readonly string[]): string[] {
  return syllables
    .flatMap((s) => s.trim().toLowerCase().split(/\s+/))
    .filter((s) => s.length > 0)
    .map((s) => syllableByPinyin(s)?.pinyin ?? s);
}

function exactOf(syllables: readonly string[]): string {
  return syllables.map((s) => s.replace(/ü/g, 'v')).join(' ');
}

function phoneticOf(syllables: readonly string[]): string {
  return syllables.map(phoneticKey).join(' ');
}

export function indexKeys(reading: Reading | string[]): IndexKeys {
  const syllables = Array.isArray(reading) ? normaliseSyllables(reading) : normaliseSyllables(reading.pinyin.split(' '));
  const sLen = Array.isArray(reading) ? surnameLength(syllables) : reading.surname.length;
  const surname = syllables.slice(0, sLen);
  return {
    exact: exactOf(syllables),
    phonetic: phoneticOf(syllables),
    surnameExact: exactOf(surname),
    surnamePhonetic: phoneticOf(surname),
  };
}
