/** Letter-by-letter re-spelling between alphabets (tables in tables/respell.data.ts). */
import { CYRILLIC_TO_WG_LATIN, LATIN_TO_CYRILLIC, LATIN_VOWELS } from './tables/respell.data.ts';
import type { Units } from './lattice.ts';
import { respell } from './units.ts';

type Table = Map<number, (readonly [string, string])[]>;

function index(pairs: readonly (readonly [string, string])[]): Table {
  const t: Table = new Map();
  for (const p of pairs) {
    const c = p[0].charCodeAt(0);
    const list = t.get(c) ?? [];
    list.push(p);
    t.set(c, list);
  }
  for (const list of t.values()) list.sort((a, b) => b[0].length - a[0].length);
  return t;
}

const LAT_CYR = index(LATIN_TO_CYRILLIC);
const CYR_LAT = index(CYRILLIC_TO_WG_LATIN);

function matches(codes: number[], i: number, end: number, s: string): boolean {
  if (i + s.length > end) return false;
  for (let t = 0; t < s.length; t++) if (codes[i + t] !== s.charCodeAt(t)) return false;
  return true;
}

function longest(table: Table, codes: number[], i: number, end: number): [string, number] {
  for (const [from, to] of table.get(codes[i]!) ?? []) {
    if (matches(codes, i, end, from)) return [to, from.length];
  }
  return ['', 1];
}

/** "Van Si-Syan" → ван си-сян; "Vei" → вей (i/y after a vowel is й). */
export function latinToCyrillic(units: Units): Units {
  return respell(units, (codes, i, end) => {
    const c = codes[i]!;
    const prev = i > 0 && units.bnd[i] === 0 ? String.fromCharCode(codes[i - 1]!) : '';
    const glide = (c === 0x69 || c === 0x79) && prev !== '' && LATIN_VOWELS.includes(prev);
    const nextIsVowel = i + 1 < end && 'aeiou'.includes(String.fromCharCode(codes[i + 1]!));
    if (glide && !nextIsVowel) return ['й', 1];
    return longest(LAT_CYR, codes, i, end);
  });
}

/** Сунг → sung, Куо → kuo: the Latin letters behind a Cyrillic form taken from English. */
export function cyrillicToLatin(units: Units): Units {
  return respell(units, (codes, i, end) => longest(CYR_LAT, codes, i, end));
}
