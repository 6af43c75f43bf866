import { COMMON_SURNAMES, toWadeGiles } from '../transliteration/index.ts';
import { decodeRecordName } from './decode-cache.ts';

/** The readings a family sees beside a record (a search result, the record page): attested first, then decoded. */
export interface ShownReadings {
  readings: Array<{ pinyin: string; wadeGiles: string; origin: 'decoded' | 'attested'; hanzi?: string }>;
  likelySurnameCharacters: string[];
}

/** Decoded readings shown after the attested ones. */
export const SHOWN_DECODED_READINGS = 3;

const SURNAME_CHARACTERS: ReadonlyMap<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [pinyin, hanzi] of COMMON_SURNAMES) m.set(pinyin, [...(m.get(pinyin) ?? []), hanzi]);
  return m;
})();

/** Every attested name (in the order approved), then the best decoded readings, and the characters the likeliest surname is commonly written with. */
export function shownReadings(fullName: string, attested: ReadonlyArray<{ hanzi: string | null; pinyin: string }>): ShownReadings {
  const readings: ShownReadings['readings'] = attested.map((a) => ({
    pinyin: a.pinyin,
    wadeGiles: toWadeGiles(a.pinyin.split(' ')),
    origin: 'attested' as const,
    ...(a.hanzi ? { hanzi: a.hanzi } : {}),
  }));
  const decoded = decodeRecordName(fullName).readings.slice(0, SHOWN_DECODED_READINGS);
  for (const r of decoded) readings.push({ pinyin: r.pinyin, wadeGiles: toWadeGiles(r.pinyin.split(' ')), origin: 'decoded' });
  const surname = decoded[0]?.surname.join('');
  return { readings, likelySurnameCharacters: surname ? (SURNAME_CHARACTERS.get(surname) ?? []) : [] };
}
