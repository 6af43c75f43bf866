/**
 * Letter mappings between alphabets, longest match first within a word.
 *
 * LATIN_TO_CYRILLIC undoes the Latin transliterations of Russian seen on English
 * pages (scholarly, GOST 7.79, BGN/PCGN, passport): "Van Si-Syan", "Chzhan", "Tszyan",
 * "Dzyan", ia/ya, iu/yu. `e` becomes е: after a consonant Palladius е (-ie) and э (e)
 * are both read from е, the е-for-э variant costing little.
 *
 * CYRILLIC_TO_WG_LATIN is the second channel for names that came through English or
 * Wade–Giles before being written in Cyrillic (Сунг = Sung, Куо = Kuo, Чианг = Chiang):
 * the Cyrillic letters are read back as the Latin letters a clerk would have seen.
 */
export const LATIN_TO_CYRILLIC: readonly (readonly [string, string])[] = [
  ['shch', 'щ'], ['tsz', 'цз'], ['chzh', 'чж'], ['kh', 'х'], ['zh', 'ж'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['tz', 'цз'],
  ['dz', 'дз'], ['dj', 'дж'], ['ya', 'я'], ['ia', 'я'], ['ja', 'я'], ['yu', 'ю'], ['iu', 'ю'], ['ju', 'ю'], ['ye', 'е'],
  ['je', 'е'], ['yo', 'е'], ['jo', 'е'], ['e\'', 'э'], ['è', 'э'], ['ė', 'э'], ['ë', 'е'], ['ŭ', 'у'], ['ĭ', 'й'], ['ï', 'и'],
  ['ʹ', 'ь'], ["'", 'ь'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['w', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'],
  ['i', 'и'], ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'],
  ['t', 'т'], ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'], ['x', 'кс'], ['q', 'к'], ['y', 'ы'],
];

/** Letters that make a following i/y a glide: Vei → Вей, Bay → Бай. */
export const LATIN_VOWELS = 'aeiouy';

export const CYRILLIC_TO_WG_LATIN: readonly (readonly [string, string])[] = [
  ['нг', 'ng'], ['кс', 'hs'], ['дж', 'ch'], ['дз', 'ts'], ['тс', 'ts'], ['а', 'a'], ['б', 'p'], ['в', 'w'], ['г', 'k'],
  ['д', 't'], ['е', 'e'], ['ж', 'j'], ['з', 'ts'], ['и', 'i'], ['й', 'i'], ['к', 'k'], ['л', 'l'], ['м', 'm'], ['н', 'n'],
  ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['у', 'u'], ['ф', 'f'], ['х', 'h'], ['ц', 'ts'], ['ч', 'ch'],
  ['ш', 'sh'], ['щ', 'sh'], ['ы', 'u'], ['ь', ''], ['э', 'e'], ['ю', 'yu'], ['я', 'ya'],
];
