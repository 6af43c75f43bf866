/**
 * Cantonese (Jyutping) → Cyrillic as a Soviet clerk wrote a southern name he heard
 * (Hong Kong-style romanisation, read in Russian letters: Wong → Вонг, Yip → Ип,
 * Chan → Чань, Lau → Лау, Ng → Нг). Our own table, written from the Jyutping
 * chart (initials, nuclei, codas), not from any eval record. Two codas have two
 * habits: -n as нь (Palladius) or н (English-style), -ng as н (Palladius) or нг.
 */
export const JYUTPING_INITIALS: Readonly<Record<string, string>> = {
  b: 'п', p: 'п', m: 'м', f: 'ф', d: 'т', t: 'т', n: 'н', l: 'л', g: 'к', k: 'к', ng: 'нг', h: 'х',
  gw: 'кв', kw: 'кв', w: 'в', z: 'ч', c: 'ч', s: 'с', j: '', '': '',
};

/** Nucleus (+ glide) after a consonant; after j- the iotated vowel (ja → я). Longest match first. */
export const JYUTPING_NUCLEI: ReadonlyArray<readonly [string, string, string]> = [
  // jyutping, after a consonant, after j- or alone
  ['aai', 'ай', 'яй'], ['aau', 'ау', 'яу'], ['aa', 'а', 'я'],
  ['eoi', 'ёй', 'ёй'], ['eo', 'ё', 'ё'], ['oe', 'ё', 'ё'],
  ['ai', 'ай', 'яй'], ['au', 'ау', 'яу'], ['a', 'а', 'я'],
  ['ei', 'эй', 'эй'], ['eu', 'еу', 'еу'], ['e', 'е', 'е'],
  ['iu', 'ю', 'ю'], ['i', 'и', 'и'],
  ['oi', 'ой', 'ой'], ['ou', 'оу', 'оу'], ['o', 'о', 'о'],
  ['ui', 'уй', 'уй'], ['u', 'у', 'ю'],
  ['yu', 'юй', 'юй'],
];

/** Codas: [Palladius habit, English habit]. */
export const JYUTPING_CODAS: Readonly<Record<string, readonly [string, string]>> = {
  '': ['', ''], m: ['м', 'м'], n: ['нь', 'н'], ng: ['н', 'нг'], p: ['п', 'п'], t: ['т', 'т'], k: ['к', 'к'],
};

/** Syllabic nasals: ng (吳 Ng) and m (唔). */
export const JYUTPING_SYLLABIC: Readonly<Record<string, string>> = { ng: 'нг', m: 'м' };
