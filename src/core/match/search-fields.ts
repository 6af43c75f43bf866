import cyrillicToTranslitModule from 'cyrillic-to-translit-js';
import { decode, indexKeys } from '../transliteration/index.ts';
import { ancestorsOf, placeIdsInText } from './gazetteer/gazetteer.ts';

/**
 * What a record stores for search, derived from what it records. Pure: the
 * records service, the importer and corrections all call this, so every write
 * path derives the same keys (contract: docs/transliteration.md). Every field
 * of ReadingKeys is a column of record_readings (the importer's COPY writes
 * them by name); the writers add decoder_version (src/search/decoder-version.ts),
 * which hashes this file and the transliteration core.
 */
export interface ReadingKeys {
  rank: number;
  origin: 'decoded' | 'attested';
  key: string;
  phonetic: string;
  surnameKey: string;
  surnamePhonetic: string;
  /** Every ordered pair of phonetic syllables: the fuzzy-lookup key (see migration 0002). */
  phoneticPairs: string[];
  cost: number;
}

export interface SearchFields {
  nameLatin: string;
  birthplacePlaces: string[];
  readings: ReadingKeys[];
}

/** Decoded readings stored per record: enough for recall, few enough for the index. */
export const STORED_DECODED_READINGS = 4;

// The package is CommonJS with an ESM-style .d.ts: under NodeNext TypeScript sees
// the module object, while Node hands us the function itself. Accept both.
type TranslitFactory = (config: { preset: 'ru' }) => { transform(input: string): string };
const factory = ((cyrillicToTranslitModule as unknown as { default?: TranslitFactory }).default ??
  cyrillicToTranslitModule) as unknown as TranslitFactory;
const translit = factory({ preset: 'ru' });

/**
 * The Latin skeleton used for non-Chinese names and the trigram baseline:
 * Cyrillic transliterated (ё→е first, so Ёлкин and Елкин meet), accents
 * folded, lower case, letters and single spaces only, and the spellings that
 * the usual romanisations of Russian disagree on folded to one form, so
 * "Dyomin", "Demin" and «Дёмин», or "Vasily", "Vasiliy" and "Vasilii", meet.
 */
export function latinSkeleton(text: string): string {
  const latin = translit.transform(text.replace(/ё/g, 'е').replace(/Ё/g, 'Е'));
  const plain = latin
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return ROMANISATION_FOLDS.reduce((s, [from, to]) => s.replace(from, to), plain);
}

const C = '[bcdfghjklmnpqrstvwxz]';
/** Order matters: longer spellings first. */
const ROMANISATION_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`(?<=${C})(?:yo|jo|io)`, 'g'), 'e'], // Fyodor, Pjotr, Piotr → e (ё)
  [/(?:ia|ja)/g, 'ya'],
  [/(?:iu|ju)/g, 'yu'],
  [/(?:iy|ii|yi|ij|y)\b/g, 'i'], // Vasiliy, Vasilii, Vasily, Vasilij
  [/kh/g, 'h'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz/g, 'ts'],
  [/ph/g, 'f'],
  [/([a-z])\1+/g, '$1'], // doubled letters
];

export function searchFieldsFor(fullName: string, birthplace: string | null, attested: AttestedForKeys[] = []): SearchFields {
  return {
    nameLatin: latinSkeleton(fullName),
    birthplacePlaces: birthplace ? placesWithAncestors(birthplace) : [],
    readings: readingKeysFor(fullName, attested),
  };
}

/** A town in Shandong is also "in Shandong": store its ancestors so one filter finds both. */
function placesWithAncestors(birthplace: string): string[] {
  const ids = placeIdsInText(birthplace);
  return [...new Set(ids.flatMap((id) => [id, ...ancestorsOf(id)]))];
}

export interface AttestedForKeys {
  pinyin: string;
}

/** Attested names first (they outrank anything decoded), then decoded readings; one row per distinct key. */
export function readingKeysFor(fullName: string, attested: AttestedForKeys[] = []): ReadingKeys[] {
  const out: ReadingKeys[] = [];
  const seen = new Set<string>();
  const push = (syllables: string[], origin: ReadingKeys['origin'], cost: number) => {
    if (syllables.length === 0) return;
    const keys = indexKeys(syllables);
    if (seen.has(keys.exact)) return;
    seen.add(keys.exact);
    out.push({
      rank: out.length,
      origin,
      key: keys.exact,
      phonetic: keys.phonetic,
      surnameKey: keys.surnameExact,
      surnamePhonetic: keys.surnamePhonetic,
      phoneticPairs: phoneticPairs(keys.phonetic),
      cost,
    });
  };
  for (const name of attested) push(splitPinyin(name.pinyin), 'attested', 0);
  const decoded = decode(fullName, { maxReadings: STORED_DECODED_READINGS }).readings;
  for (const reading of decoded) push(reading.pinyin.split(' '), 'decoded', reading.cost);
  return out;
}

const MAX_PAIR_SYLLABLES = 5;

/** "uan si sian" → ["uan si", "uan sian", "si sian"]; a one-syllable key is its own pair. */
export function phoneticPairs(phonetic: string): string[] {
  const s = phonetic.split(' ').slice(0, MAX_PAIR_SYLLABLES);
  if (s.length < 2) return s.filter(Boolean);
  const pairs = new Set<string>();
  for (let i = 0; i < s.length; i++) for (let j = i + 1; j < s.length; j++) pairs.add(`${s[i]} ${s[j]}`);
  return [...pairs];
}

const splitPinyin = (pinyin: string) => pinyin.toLowerCase().split(/\s+/).filter(Boolean);
