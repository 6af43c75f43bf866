// Normalisation of place names for exact-key lookup. Pure; no I/O.
//
// One key space for all scripts: lower case, ё→е, э→е (the records swap them
// freely), tone marks and other diacritics removed (but й kept), and hyphens,
// spaces, apostrophes, dots, soft and hard signs dropped. «Шан-Дунь», «Шаньдун»
// and «шандунь» share the key `шандун`; "Shāndōng" and "Shan-tung" become
// `shandong` / `shantung`.

const HAN = /\p{Script=Han}/u;

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/э/g, 'е')
    .normalize('NFD')
    .replace(/и\u0306/g, 'й')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\-‐‑–—'’ʼ`´.,ьъ]/g, '');
}

/** Russian case and adjective endings, longest first, with what replaces them. */
const CYRILLIC_ENDINGS: readonly (readonly [string, string])[] = [
  ['ского', ''], ['скому', ''], ['ская', ''], ['ской', ''], ['скую', ''], ['ском', ''],
  ['ский', ''], ['ские', ''], ['ских', ''], ['ское', ''],
  ['ае', 'ай'], ['аю', 'ай'], ['ая', 'ай'],
  ['ией', 'ия'], ['ии', 'ия'], ['ию', 'ия'],
  ['ой', ''], ['ом', ''], ['ем', ''], ['ую', ''], ['ая', ''],
  ['а', ''], ['у', ''], ['е', ''], ['я', ''], ['ю', ''], ['ы', ''], ['и', ''],
];

const LATIN_SUFFIXES: readonly string[] = ['province', 'county', 'sheng', 'hsien', 'city', 'shih', 'prov', 'xian', 'shi', 'fu'];

const HAN_SUFFIXES: readonly string[] = ['特别市', '特別市', '地区', '地區', '自治区', '自治區', '省', '市', '县', '縣', '府', '盟'];

/**
 * Candidate keys obtained by removing an inflectional or administrative ending,
 * in order of preference. The caller looks each one up and charges a cost.
 */
export function strippedKeys(key: string): string[] {
  const out: string[] = [];
  if (hasHan(key)) {
    for (const suf of HAN_SUFFIXES) {
      if (key.length > suf.length + 1 && key.endsWith(suf)) out.push(key.slice(0, -suf.length));
    }
    return out;
  }
  if (/[а-я]/.test(key)) {
    for (const [ending, repl] of CYRILLIC_ENDINGS) {
      if (key.length - ending.length >= 3 && key.endsWith(ending)) {
        const k = key.slice(0, -ending.length) + repl;
        if (k !== key && !out.includes(k)) out.push(k);
      }
    }
    return out;
  }
  for (const suf of LATIN_SUFFIXES) {
    if (key.length - suf.length >= 3 && key.endsWith(suf)) out.push(key.slice(0, -suf.length));
  }
  return out;
}

/** Words that introduce a place of a given kind; never part of a place name. */
export const PROVINCE_WORDS: ReadonlySet<string> = new Set([
  'пров', 'провинция', 'провинции', 'провинцию', 'провинцией', 'провинций', 'province', 'prov', 'sheng', '省',
]);
export const CITY_WORDS: ReadonlySet<string> = new Set([
  'г', 'гор', 'город', 'города', 'городе', 'ст', 'станция', 'станции', 'пос', 'city', 'station', '市',
]);
export const OTHER_STOP_WORDS: ReadonlySet<string> = new Set([
  'уезд', 'уезда', 'уезде', 'у', 'д', 'дер', 'деревня', 'с', 'село',
  'в', 'на', 'из', 'и', 'р-н', 'район', 'county', 'hsien', 'xian', 'of', 'the', 'in',
]);

export function isStopWord(token: string): boolean {
  const t = token.toLowerCase().replace(/\.$/, '');
  return PROVINCE_WORDS.has(t) || CITY_WORDS.has(t) || OTHER_STOP_WORDS.has(t);
}

/** Words of the text as written (hyphens kept inside words). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\-'’]+/u).map((t) => t.replace(/^[-'’]+|[-'’]+$/g, '')).filter((t) => t.length > 0);
}
