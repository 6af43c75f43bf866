/**
 * Pinyin syllables → standard Palladius (record, modern, joined) and Wade–Giles.
 * Syllables outside the inventory are passed through unchanged rather than dropped,
 * so a caller always sees what it gave.
 */
import { syllableByPinyin } from './inventory.ts';
import { surnameLength } from './reading.build.ts';

const CYRILLIC_VOWELS = 'аоуэеюяи';

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function palladiusOf(p: string): string {
  return syllableByPinyin(p)?.palladius ?? p.toLowerCase();
}

function normalise(syllables: readonly string[]): string[] {
  return syllables.map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0);
}

/**
 * Join Palladius syllables into one word. After a final -н (= -ng) a vowel-initial
 * syllable gets ъ (Чанъань), otherwise чан+ань would read as ча+нань.
 */
export function joinPalladius(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (out.endsWith('н') && CYRILLIC_VOWELS.includes(part.charAt(0))) out += 'ъ';
    out += part;
  }
  return out;
}

/**
 * record: «Ван-Си-Сян» (every syllable capitalised and hyphenated, as in the lists);
 * modern: «Ван Сисян» (surname, then the given name joined; compound surnames joined);
 * joined: «Вансисян».
 */
export function toPalladius(syllables: string[], style: 'record' | 'modern' | 'joined'): string {
  const pins = normalise(syllables);
  const cyr = pins.map(palladiusOf);
  if (style === 'record') return cyr.map(capitalize).join('-');
  if (style === 'joined') return capitalize(joinPalladius(cyr));
  const sLen = surnameLength(pins);
  const surname = capitalize(joinPalladius(cyr.slice(0, sLen)));
  const given = cyr.slice(sLen);
  return given.length === 0 ? surname : `${surname} ${capitalize(joinPalladius(given))}`;
}

function wadeGilesOf(p: string): string {
  return syllableByPinyin(p)?.wadeGiles ?? p.toLowerCase();
}

/**
 * "Wang Hsi-hsiang": surname capitalised (a compound surname hyphenated, "Ou-yang"),
 * then the given name's syllables hyphenated, only the first capitalised.
 */
export function toWadeGiles(syllables: string[]): string {
  const pins = normalise(syllables);
  const wg = pins.map(wadeGilesOf);
  const sLen = surnameLength(pins);
  const surname = capitalize(wg.slice(0, sLen).join('-'));
  const given = wg.slice(sLen);
  return given.length === 0 ? surname : `${surname} ${capitalize(given.join('-'))}`;
}
